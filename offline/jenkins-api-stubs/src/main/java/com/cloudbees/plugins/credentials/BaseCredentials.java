package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class BaseCredentials implements Credentials {
    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
