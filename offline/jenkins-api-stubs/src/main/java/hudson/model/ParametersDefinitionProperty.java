package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public class ParametersDefinitionProperty extends JobProperty<Job<?, ?>> {
    public ParametersDefinitionProperty(@NonNull ParameterDefinition... parameterDefinitions) {
        throw new UnsupportedOperationException();
    }
}
