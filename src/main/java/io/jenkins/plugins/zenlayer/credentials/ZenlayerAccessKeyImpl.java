package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.config.FormAccess;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The stored form of {@link ZenlayerAccessKey}; the password is kept encrypted as a {@link Secret}. */
public class ZenlayerAccessKeyImpl extends BaseStandardCredentials implements ZenlayerAccessKey {

    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final Secret accessKeyPassword;

    @DataBoundConstructor
    public ZenlayerAccessKeyImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String accessKeyId,
            @CheckForNull Secret accessKeyPassword) {
        super(scope, id, description);
        this.accessKeyId = accessKeyId == null ? "" : accessKeyId.strip();
        this.accessKeyPassword = accessKeyPassword == null ? Secret.fromString("") : accessKeyPassword;
    }

    @NonNull
    @Override
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @NonNull
    @Override
    public Secret getAccessKeyPassword() {
        return accessKeyPassword;
    }

    @Extension
    @Symbol("zenlayerAccessKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ZenlayerAccessKey_displayName();
        }

        /** Shown under the name in the dialog where users choose the kind of a new credential. */
        @Override
        public String getDescription() {
            return Messages.ZenlayerAccessKey_description();
        }

        /** Checks only the typed value; users who cannot configure the form's context get no answer. */
        @POST
        public FormValidation doCheckAccessKeyId(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            if (!FormAccess.canConfigure(item)) {
                return FormValidation.ok();
            }
            return accessKeyIdProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }

    /** What is wrong with an access key ID typed into the form, if anything. */
    static Optional<String> accessKeyIdProblem(@CheckForNull String value) {
        String id = value == null ? "" : value.strip();
        if (id.isEmpty()) {
            return Optional.of(Messages.ZenlayerAccessKey_accessKeyIdMissing());
        }
        if (id.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
            return Optional.of(Messages.ZenlayerAccessKey_accessKeyIdInvalid());
        }
        return Optional.empty();
    }
}
