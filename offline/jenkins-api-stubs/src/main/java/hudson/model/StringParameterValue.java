package hudson.model;

public class StringParameterValue extends ParameterValue {
    public StringParameterValue(String name, String value) {
        super(name);
        throw new UnsupportedOperationException();
    }
}
