package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(
            @CheckForNull CredentialsScope scope, @CheckForNull String id, @CheckForNull String description) {
        super(scope);
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getDescription() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getId() {
        throw new UnsupportedOperationException();
    }

    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {
            throw new UnsupportedOperationException();
        }
    }
}
