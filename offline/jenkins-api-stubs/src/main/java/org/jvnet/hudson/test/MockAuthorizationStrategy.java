package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Collection;
import java.util.Set;

public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {}

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public ACL getRootACL() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public Collection<String> getGroups() {
        throw new UnsupportedOperationException();
    }

    public class Grant {
        Grant(Set<Permission> permissions) {
            throw new UnsupportedOperationException();
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException();
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException();
        }

        public class GrantOn {
            GrantOn(String regexp) {
                throw new UnsupportedOperationException();
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
