package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.config.FormAccess;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Binds a {@link ZenlayerAccessKey} to two environment variables, for Zenlayer's own tools run by the build
 * ({@code zeno}, SDK scripts, Terraform). By default they are the variables {@code zeno} and the SDKs read:
 * {@value AccessKeyVariables#DEFAULT_ACCESS_KEY_ID} and {@value AccessKeyVariables#DEFAULT_ACCESS_KEY_PASSWORD}.
 *
 * <p>Both values are handed to credentials-binding as secret values, so it masks both in the build log; nothing is
 * written to disk. Credentials-binding's lookup records the credential's use by the build.
 */
public class ZenlayerAccessKeyBinding extends MultiBinding<ZenlayerAccessKey> {

    private String accessKeyIdVariable = AccessKeyVariables.DEFAULT_ACCESS_KEY_ID;
    private String accessKeyPasswordVariable = AccessKeyVariables.DEFAULT_ACCESS_KEY_PASSWORD;

    @DataBoundConstructor
    public ZenlayerAccessKeyBinding(String credentialsId) {
        super(credentialsId);
    }

    /** The variable that receives the access key ID. */
    @NonNull
    public String getAccessKeyIdVariable() {
        return variableNames().accessKeyId();
    }

    /** Sets the variable for the access key ID; a blank name stands for the default. */
    @DataBoundSetter
    public void setAccessKeyIdVariable(@CheckForNull String accessKeyIdVariable) {
        this.accessKeyIdVariable =
                AccessKeyVariables.orDefault(accessKeyIdVariable, AccessKeyVariables.DEFAULT_ACCESS_KEY_ID);
    }

    /** The variable that receives the access key password. */
    @NonNull
    public String getAccessKeyPasswordVariable() {
        return variableNames().accessKeyPassword();
    }

    /** Sets the variable for the access key password; a blank name stands for the default. */
    @DataBoundSetter
    public void setAccessKeyPasswordVariable(@CheckForNull String accessKeyPasswordVariable) {
        this.accessKeyPasswordVariable =
                AccessKeyVariables.orDefault(accessKeyPasswordVariable, AccessKeyVariables.DEFAULT_ACCESS_KEY_PASSWORD);
    }

    private AccessKeyVariables variableNames() {
        // A job configuration written without one of the fields loads it as null.
        return AccessKeyVariables.of(accessKeyIdVariable, accessKeyPasswordVariable);
    }

    @Override
    protected Class<ZenlayerAccessKey> type() {
        return ZenlayerAccessKey.class;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        AccessKeyVariables variables = variableNames();
        Optional<String> problem = variables.problem();
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
        ZenlayerAccessKey key = accessKey(build);
        return new MultiEnvironment(variables.values(
                key.getAccessKeyId(), key.getAccessKeyPassword().getPlainText()));
    }

    /**
     * The credential, looked up (and its use recorded) by {@link #getCredentials}. When that fails, the message says
     * which type is needed by its display name rather than by the interface's class name.
     */
    private ZenlayerAccessKey accessKey(Run<?, ?> build) throws CredentialNotFoundException {
        try {
            return getCredentials(build);
        } catch (CredentialNotFoundException e) {
            String id = getCredentialsId();
            IdCredentials found = CredentialsProvider.findCredentialById(id, IdCredentials.class, build);
            String needed = Messages.ZenlayerAccessKey_displayName();
            CredentialNotFoundException clearer = new CredentialNotFoundException(
                    found == null
                            ? Messages.ZenlayerAccessKeyBinding_notFound(id, needed)
                            : Messages.ZenlayerAccessKeyBinding_wrongType(
                                    id, found.getDescriptor().getDisplayName(), needed));
            clearer.initCause(e);
            throw clearer;
        }
    }

    /** Both variables: the values of both are masked. Needs no lookup, since neither depends on the credential. */
    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) {
        return variableNames().names();
    }

    @Extension
    @Symbol("zenlayerAccessKey")
    public static class DescriptorImpl extends BindingDescriptor<ZenlayerAccessKey> {

        @Override
        protected Class<ZenlayerAccessKey> type() {
            return ZenlayerAccessKey.class;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ZenlayerAccessKeyBinding_displayName();
        }

        /** The binding only sets variables; it needs no workspace, so it works outside {@code node} as well. */
        @Override
        public boolean requiresWorkspace() {
            return false;
        }

        /** Shown in an empty form. */
        public String getDefaultAccessKeyIdVariable() {
            return AccessKeyVariables.DEFAULT_ACCESS_KEY_ID;
        }

        /** Shown in an empty form. */
        public String getDefaultAccessKeyPasswordVariable() {
            return AccessKeyVariables.DEFAULT_ACCESS_KEY_PASSWORD;
        }

        @POST
        public FormValidation doCheckAccessKeyIdVariable(
                @AncestorInPath @CheckForNull Item item,
                @QueryParameter String value,
                @QueryParameter String accessKeyPasswordVariable) {
            if (!FormAccess.canConfigure(item)) {
                return FormValidation.ok();
            }
            return toValidation(
                    AccessKeyVariables.of(value, accessKeyPasswordVariable).accessKeyIdProblem());
        }

        @POST
        public FormValidation doCheckAccessKeyPasswordVariable(
                @AncestorInPath @CheckForNull Item item,
                @QueryParameter String value,
                @QueryParameter String accessKeyIdVariable) {
            if (!FormAccess.canConfigure(item)) {
                return FormValidation.ok();
            }
            return toValidation(
                    AccessKeyVariables.of(accessKeyIdVariable, value).accessKeyPasswordProblem());
        }

        private static FormValidation toValidation(Optional<String> problem) {
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
