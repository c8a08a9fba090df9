package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class StringParameterDefinition extends ParameterDefinition {
    public StringParameterDefinition(@NonNull String name, @CheckForNull String defaultValue) {
        super(name);
        throw new UnsupportedOperationException();
    }
}
