package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;
import java.util.List;

public class Domain implements Serializable {
    public Domain(String name, String description, List<DomainSpecification> specifications) {
        throw new UnsupportedOperationException();
    }
}
