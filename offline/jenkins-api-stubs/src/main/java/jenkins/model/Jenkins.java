package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Plugin;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import org.jvnet.hudson.reactor.ReactorException;

public class Jenkins implements AccessControlled {
    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException, ReactorException {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }

    public static final Permission ADMINISTER = null;

    public static final Permission READ = null;

    @CheckForNull
    public Plugin getPlugin(String shortName) {
        throw new UnsupportedOperationException();
    }

    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException();
    }

    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }
}
