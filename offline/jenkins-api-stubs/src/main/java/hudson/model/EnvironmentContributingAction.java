package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        throw new UnsupportedOperationException();
    }
}
