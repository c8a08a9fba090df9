package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public class URIRequirementBuilder {
    private URIRequirementBuilder(@NonNull List<DomainRequirement> requirements) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException();
    }
}
