package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;

public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>>
        implements ExtensionPoint {
    protected MultiBinding(String credentialsId) {
        throw new UnsupportedOperationException();
    }

    protected abstract Class<C> type();

    public final String getCredentialsId() {
        throw new UnsupportedOperationException();
    }

    public static final class MultiEnvironment implements Serializable {
        public MultiEnvironment(Map<String, String> secretValues) {
            throw new UnsupportedOperationException();
        }
    }

    public abstract MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException;

    @Deprecated
    public Set<String> variables() {
        throw new UnsupportedOperationException();
    }

    public Set<String> variables(@NonNull Run<?, ?> build) throws CredentialNotFoundException {
        throw new UnsupportedOperationException();
    }

    protected final @NonNull C getCredentials(@NonNull Run<?, ?> build) throws CredentialNotFoundException {
        throw new UnsupportedOperationException();
    }
}
