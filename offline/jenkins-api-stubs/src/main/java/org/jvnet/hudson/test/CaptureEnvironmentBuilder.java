package org.jvnet.hudson.test;

import hudson.EnvVars;
import hudson.tasks.Builder;

public class CaptureEnvironmentBuilder extends Builder {
    public EnvVars getEnvVars() {
        throw new UnsupportedOperationException();
    }
}
