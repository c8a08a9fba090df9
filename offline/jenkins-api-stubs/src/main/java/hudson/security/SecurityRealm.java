package hudson.security;

public abstract class SecurityRealm {
    public abstract SecurityComponents createSecurityComponents();

    public static final class SecurityComponents {
        public SecurityComponents() {
            throw new UnsupportedOperationException();
        }
    }
}
