package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class DomainSpecification {
    @NonNull
    public abstract Result test(@NonNull DomainRequirement scope);

    public enum Result {}
}
