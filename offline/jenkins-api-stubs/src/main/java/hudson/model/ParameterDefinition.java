package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class ParameterDefinition {
    protected ParameterDefinition(@NonNull String name) {
        throw new UnsupportedOperationException();
    }
}
