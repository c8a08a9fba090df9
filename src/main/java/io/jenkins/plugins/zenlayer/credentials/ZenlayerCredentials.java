package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
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
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The Jenkins credentials that authenticate to Zenlayer: which types are accepted, how a build or a form finds one,
 * how the choices of a {@code credentialsId} field are listed and checked, and how a credential becomes a
 * {@link ZenlayerAuth}.
 *
 * <p>Accepted types, checked in this order:
 *
 * <ul>
 *   <li>{@link ZenlayerAccessKey}: access key ID and password;
 *   <li>username with password: the username is the access key ID, the password the access key password;
 *   <li>secret text: a personal access token, sent as a bearer token.
 * </ul>
 *
 * <p>Builds and forms look credentials up with the same domain requirement, built from the endpoint, and neither
 * accepts a credential with System scope: builds cannot see those, so a form must not offer them.
 */
public final class ZenlayerCredentials {

    private ZenlayerCredentials() {}

    /** A credential ID as stored: {@code null} when blank, without surrounding whitespace otherwise. */
    @CheckForNull
    public static String normalizeId(@CheckForNull String credentialsId) {
        return credentialsId == null || credentialsId.isBlank() ? null : credentialsId.strip();
    }

    /**
     * The authentication for a build. The credential is looked up in the build's context, with the job's default
     * authentication, among the credentials whose domain matches {@code endpoint}, as the forms list them; its use is
     * recorded on the build, so the credential's usage lists it.
     *
     * @param endpoint the endpoint the build will call
     * @throws AbortException naming the ID when it is not found, is not of an accepted type or cannot be used
     */
    public static ZenlayerAuth forBuild(String credentialsId, Run<?, ?> run, @CheckForNull String endpoint)
            throws AbortException {
        StandardCredentials found = CredentialsProvider.findCredentialById(
                credentialsId,
                StandardCredentials.class,
                run,
                URIRequirementBuilder.fromUri(endpoint).build());
        Resolution resolution = resolve(credentialsId, found);
        ZenlayerAuth auth = resolution.auth();
        if (auth == null) {
            throw new AbortException(resolution.problem());
        }
        CredentialsProvider.track(run, found);
        return auth;
    }

    /**
     * The authentication for a form action in the context of an item (or of Jenkins when {@code null}). Call only
     * after the caller's permission check.
     */
    public static Resolution forForm(@CheckForNull Item item, String credentialsId, @CheckForNull String endpoint) {
        return resolve(credentialsId, findForForm(item, credentialsId, endpoint));
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
                        usable())
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
        String id = normalizeId(value);
        if (id == null) {
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
        // Only presence, type and scope are checked here: no secret is read.
        return problem(id, findForForm(item, id, endpoint))
                .map(FormValidation::error)
                .orElseGet(FormValidation::ok);
    }

    /**
     * Why a credential cannot be the global default, if it exists and cannot: it has System scope, which builds cannot
     * see. A credential that does not exist (yet) is not refused here: Configuration as Code may set the default
     * before it creates the credential, and the build names a missing one.
     */
    public static Optional<String> refusedAsDefault(@CheckForNull String credentialsId, @CheckForNull String endpoint) {
        String id = normalizeId(credentialsId);
        if (id == null || id.contains("${")) {
            return Optional.empty();
        }
        StandardCredentials found = findForForm(null, id, endpoint);
        return found != null && found.getScope() == CredentialsScope.SYSTEM
                ? Optional.of(Messages.Credentials_systemScope(id))
                : Optional.empty();
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

    /**
     * The credentials a form may offer: of an accepted type and not System-scoped. In a job's context System-scoped
     * credentials are never visible; in the context of Jenkins (the global form) they are, but no build could use them.
     */
    private static CredentialsMatcher usable() {
        return CredentialsMatchers.allOf(
                CredentialsMatchers.anyOf(
                        CredentialsMatchers.instanceOf(ZenlayerAccessKey.class),
                        CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                        CredentialsMatchers.instanceOf(StringCredentials.class)),
                CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM)));
    }

    /**
     * Turns the credential found for an ID into an authentication, or explains why it cannot be used. Reads the
     * secret only when the credential passes {@link #problem}.
     *
     * @param found the credential with that ID, {@code null} if none is visible
     */
    static Resolution resolve(String id, @CheckForNull Credentials found) {
        Optional<String> problem = problem(id, found);
        if (problem.isPresent()) {
            return Resolution.problem(problem.get());
        }
        try {
            return Resolution.of(toAuth(found));
        } catch (IllegalArgumentException e) {
            return Resolution.problem(Messages.Credentials_unusable(id, e.getMessage()));
        }
    }

    /**
     * Why the credential found for an ID cannot be used, if it cannot: none was found, it is of another type, or it
     * has System scope, which builds cannot see.
     *
     * @param found the credential with that ID, {@code null} if none is visible
     */
    static Optional<String> problem(String id, @CheckForNull Credentials found) {
        if (found == null) {
            return Optional.of(Messages.Credentials_notFound(id, Messages.Credentials_acceptedTypes()));
        }
        if (Kind.of(found).isEmpty()) {
            return Optional.of(
                    Messages.Credentials_wrongType(id, typeName(found), Messages.Credentials_acceptedTypes()));
        }
        if (found.getScope() == CredentialsScope.SYSTEM) {
            return Optional.of(Messages.Credentials_systemScope(id));
        }
        return Optional.empty();
    }

    /**
     * The authentication a credential of an accepted type stands for; reads its secret.
     *
     * @throws IllegalArgumentException if a value is blank or unusable; the message never contains a secret
     */
    static ZenlayerAuth toAuth(Credentials credentials) {
        return switch (Kind.of(credentials).orElseThrow()) {
            case ACCESS_KEY -> {
                ZenlayerAccessKey key = (ZenlayerAccessKey) credentials;
                yield ZenlayerAuth.accessKey(
                        key.getAccessKeyId(), key.getAccessKeyPassword().getPlainText());
            }
            case USERNAME_PASSWORD -> {
                StandardUsernamePasswordCredentials c = (StandardUsernamePasswordCredentials) credentials;
                yield ZenlayerAuth.accessKey(c.getUsername(), c.getPassword().getPlainText());
            }
            case SECRET_TEXT ->
                ZenlayerAuth.bearerToken(
                        ((StringCredentials) credentials).getSecret().getPlainText());
        };
    }

    /** A human name of a credential's type, for messages: its descriptor's display name or its class name. */
    static String typeName(Credentials credentials) {
        try {
            CredentialsDescriptor descriptor = credentials.getDescriptor();
            if (descriptor != null) {
                return descriptor.getDisplayName();
            }
        } catch (RuntimeException e) {
            // An unregistered type has no descriptor; its class name still tells the user what it is.
        }
        return credentials.getClass().getSimpleName();
    }

    /** The accepted types; a credential that is of more than one is read as the first. */
    enum Kind {
        ACCESS_KEY,
        USERNAME_PASSWORD,
        SECRET_TEXT;

        static Optional<Kind> of(@CheckForNull Credentials credentials) {
            if (credentials instanceof ZenlayerAccessKey) {
                return Optional.of(ACCESS_KEY);
            }
            if (credentials instanceof StandardUsernamePasswordCredentials) {
                return Optional.of(USERNAME_PASSWORD);
            }
            if (credentials instanceof StringCredentials) {
                return Optional.of(SECRET_TEXT);
            }
            return Optional.empty();
        }
    }

    /** Either an authentication or the reason there is none. */
    public record Resolution(
            @CheckForNull ZenlayerAuth auth, @CheckForNull String problem) {
        static Resolution of(ZenlayerAuth auth) {
            return new Resolution(auth, null);
        }

        static Resolution problem(String problem) {
            return new Resolution(null, problem);
        }
    }
}
