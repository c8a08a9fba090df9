package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collection;

public abstract class AuthorizationStrategy {
    public abstract @NonNull ACL getRootACL();

    public abstract @NonNull Collection<String> getGroups();
}
