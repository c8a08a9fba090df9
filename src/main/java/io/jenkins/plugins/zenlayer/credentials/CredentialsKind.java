package io.jenkins.plugins.zenlayer.credentials;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import java.util.Optional;
import java.util.function.Function;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credential types that can authenticate to Zenlayer, and how each becomes a {@link ZenlayerAuth}.
 *
 * <ul>
 *   <li>{@link ZenlayerAccessKey}: access key ID and password;
 *   <li>username with password: the username is the access key ID, the password the access key password;
 *   <li>secret text: a personal access token, sent as a bearer token.
 * </ul>
 */
public enum CredentialsKind {
    ACCESS_KEY,
    USERNAME_PASSWORD,
    SECRET_TEXT;

    /** The kind of a credential, checked in the order above; empty for any other type. */
    public static Optional<CredentialsKind> of(@CheckForNull Credentials credentials) {
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

    /**
     * The authentication a credential of this kind stands for.
     *
     * @param reveal reads a {@link Secret}; {@link Secret#getPlainText()} outside tests
     * @throws IllegalArgumentException if a value is blank or unusable; the message never contains a secret
     */
    public ZenlayerAuth toAuth(Credentials credentials, Function<Secret, String> reveal) {
        return switch (this) {
            case ACCESS_KEY -> {
                ZenlayerAccessKey key = (ZenlayerAccessKey) credentials;
                yield ZenlayerAuth.accessKey(key.getAccessKeyId(), reveal.apply(key.getAccessKeyPassword()));
            }
            case USERNAME_PASSWORD -> {
                StandardUsernamePasswordCredentials c = (StandardUsernamePasswordCredentials) credentials;
                yield ZenlayerAuth.accessKey(c.getUsername(), reveal.apply(c.getPassword()));
            }
            case SECRET_TEXT -> ZenlayerAuth.bearerToken(reveal.apply(((StringCredentials) credentials).getSecret()));
        };
    }

    /** A human name of a credential's type, for messages: its descriptor's display name or its class name. */
    public static String typeName(Credentials credentials) {
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

    /**
     * Why the credential found for an ID cannot be used, if it cannot: none was found, or it is of another type.
     *
     * @param found the credential with that ID, {@code null} if none is visible
     */
    public static Optional<String> problem(String id, @CheckForNull Credentials found) {
        if (found == null) {
            return Optional.of(Messages.Credentials_notFound(id, acceptedTypes()));
        }
        if (of(found).isEmpty()) {
            return Optional.of(Messages.Credentials_wrongType(id, typeName(found), acceptedTypes()));
        }
        return Optional.empty();
    }

    /**
     * Turns the credential found for an ID into an authentication, or explains why it cannot be used.
     *
     * @param found the credential with that ID, {@code null} if none is visible
     */
    public static Resolution resolve(String id, @CheckForNull Credentials found, Function<Secret, String> reveal) {
        Optional<String> problem = problem(id, found);
        if (problem.isPresent()) {
            return Resolution.problem(problem.get());
        }
        try {
            return Resolution.of(of(found).orElseThrow().toAuth(found, reveal));
        } catch (IllegalArgumentException e) {
            return Resolution.problem(Messages.Credentials_unusable(id, e.getMessage()));
        }
    }

    /** The accepted types, listed for messages. */
    public static String acceptedTypes() {
        return Messages.Credentials_acceptedTypes();
    }

    /** What is wrong with an access key ID typed into a form, if anything. */
    public static Optional<String> accessKeyIdProblem(@CheckForNull String value) {
        String id = value == null ? "" : value.strip();
        if (id.isEmpty()) {
            return Optional.of(Messages.ZenlayerAccessKey_accessKeyIdMissing());
        }
        if (id.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
            return Optional.of(Messages.ZenlayerAccessKey_accessKeyIdInvalid());
        }
        return Optional.empty();
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
