package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/** Finds the credential a build or a form names and lists the ones that can be chosen. */
public final class ZenlayerCredentials {

    private ZenlayerCredentials() {}

    /**
     * The authentication for a build, looked up as the build's user, so folder credentials and credential parameters
     * work and the use is recorded.
     *
     * @throws AbortException naming the ID when it is not found or is not of an accepted type
     */
    public static ZenlayerAuth forBuild(String credentialsId, Run<?, ?> run) throws AbortException {
        StandardCredentials found =
                CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        CredentialsKind.Resolution resolution = CredentialsKind.resolve(credentialsId, found, Secret::getPlainText);
        if (resolution.auth() == null) {
            throw new AbortException(resolution.problem());
        }
        return resolution.auth();
    }

    /**
     * The authentication for a form action in the context of an item (or of Jenkins when {@code null}). Call only
     * after the caller's permission check.
     */
    public static CredentialsKind.Resolution forForm(
            @CheckForNull Item item, String credentialsId, @CheckForNull String endpoint) {
        return CredentialsKind.resolve(credentialsId, findForForm(item, credentialsId, endpoint), Secret::getPlainText);
    }

    @CheckForNull
    private static StandardCredentials findForForm(
            @CheckForNull Item item, String credentialsId, @CheckForNull String endpoint) {
        return CredentialsProvider.findCredentialByIdInItem(
                credentialsId,
                StandardCredentials.class,
                item,
                listingAuthentication(item),
                URIRequirementBuilder.fromUri(endpoint).build());
    }

    /** The accepted types, for listing. */
    static CredentialsMatcher matcher() {
        return CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(ZenlayerAccessKey.class),
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    /**
     * Forms list and look up credentials as a build of the item would run: with the authentication the queue gives the
     * item's builds, or as the system for items that are not built and for the global form. Who may see the list at
     * all is decided by the permission checks before.
     */
    private static Authentication listingAuthentication(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static boolean canListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The choices for a {@code credentialsId} field, following the credentials plugin's consumer guide. */
    public static ListBoxModel fillCredentialsIdItems(
            @CheckForNull Item item, @CheckForNull String credentialsId, @CheckForNull String endpoint) {
        String current = credentialsId == null ? "" : credentialsId;
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        listingAuthentication(item),
                        item,
                        StandardCredentials.class,
                        URIRequirementBuilder.fromUri(endpoint).build(),
                        matcher())
                .includeCurrentValue(current);
    }

    /**
     * Checks a {@code credentialsId} field.
     *
     * @param defaultId the global default credential, used when the field is blank; {@code null} in the global form
     *     itself
     */
    public static FormValidation checkCredentialsId(
            @CheckForNull Item item,
            @CheckForNull String value,
            @CheckForNull String endpoint,
            @CheckForNull String defaultId,
            boolean globalForm) {
        if (!canListCredentials(item)) {
            return FormValidation.ok();
        }
        String id = value == null ? "" : value.strip();
        if (id.isEmpty()) {
            if (globalForm) {
                return FormValidation.ok();
            }
            return defaultId == null
                    ? FormValidation.warning(Messages.Credentials_noneSelected())
                    : FormValidation.ok(Messages.Credentials_usesDefault(defaultId));
        }
        if (id.contains("${")) {
            return FormValidation.warning(Messages.Credentials_expression());
        }
        StandardCredentials found = findForForm(item, id, endpoint);
        // Only presence and type are checked here: no secret is read.
        return CredentialsKind.problem(id, found).map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
