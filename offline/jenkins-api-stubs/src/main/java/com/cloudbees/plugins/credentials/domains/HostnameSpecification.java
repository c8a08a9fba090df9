package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class HostnameSpecification extends DomainSpecification {
    public HostnameSpecification(@CheckForNull String includes, @CheckForNull String excludes) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public Result test(@NonNull DomainRequirement requirement) {
        throw new UnsupportedOperationException();
    }
}
