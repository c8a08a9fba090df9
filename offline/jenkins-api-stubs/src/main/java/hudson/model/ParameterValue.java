package hudson.model;

import java.io.Serializable;

public abstract class ParameterValue implements Serializable {
    protected ParameterValue(String name) {
        throw new UnsupportedOperationException();
    }
}
