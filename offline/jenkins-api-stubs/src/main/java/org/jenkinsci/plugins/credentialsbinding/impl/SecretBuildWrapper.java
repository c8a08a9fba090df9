package org.jenkinsci.plugins.credentialsbinding.impl;

import hudson.tasks.BuildWrapper;
import java.util.List;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;

public class SecretBuildWrapper extends BuildWrapper {
    public SecretBuildWrapper(List<? extends MultiBinding<?>> bindings) {
        throw new UnsupportedOperationException();
    }

    public List<? extends MultiBinding<?>> getBindings() {
        throw new UnsupportedOperationException();
    }
}
