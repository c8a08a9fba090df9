package io.jenkins.plugins.zenlayer.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of the two environment variables that {@link ZenlayerAccessKeyBinding} sets, and the checks they must
 * pass before a build may set them. Both names default to the variables the {@code zeno} CLI and the Zenlayer SDKs
 * read.
 *
 * @param accessKeyId the variable that receives the access key ID
 * @param accessKeyPassword the variable that receives the access key password
 */
record AccessKeyVariables(String accessKeyId, String accessKeyPassword) {

    static final String DEFAULT_ACCESS_KEY_ID = "ZENLAYER_ACCESS_KEY_ID";
    static final String DEFAULT_ACCESS_KEY_PASSWORD = "ZENLAYER_ACCESS_KEY_SECRET";

    /** A name every shell and every platform accepts: letters, digits and underscores, not starting with a digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The names as entered, without surrounding whitespace; a missing or blank name stands for its default. */
    static AccessKeyVariables of(@CheckForNull String accessKeyId, @CheckForNull String accessKeyPassword) {
        return new AccessKeyVariables(
                orDefault(accessKeyId, DEFAULT_ACCESS_KEY_ID),
                orDefault(accessKeyPassword, DEFAULT_ACCESS_KEY_PASSWORD));
    }

    static String orDefault(@CheckForNull String name, String defaultName) {
        String stripped = name == null ? "" : name.strip();
        return stripped.isEmpty() ? defaultName : stripped;
    }

    /** Why the access key ID cannot be bound to its variable, if it cannot. */
    Optional<String> accessKeyIdProblem() {
        return nameProblem(Messages.ZenlayerAccessKeyBinding_accessKeyIdVariable(), accessKeyId)
                .or(this::sameNameProblem);
    }

    /** Why the access key password cannot be bound to its variable, if it cannot. */
    Optional<String> accessKeyPasswordProblem() {
        return nameProblem(Messages.ZenlayerAccessKeyBinding_accessKeyPasswordVariable(), accessKeyPassword)
                .or(this::sameNameProblem);
    }

    /** The first reason the two variables cannot be set, if there is one. */
    Optional<String> problem() {
        return nameProblem(Messages.ZenlayerAccessKeyBinding_accessKeyIdVariable(), accessKeyId)
                .or(() -> nameProblem(Messages.ZenlayerAccessKeyBinding_accessKeyPasswordVariable(), accessKeyPassword))
                .or(this::sameNameProblem);
    }

    private static Optional<String> nameProblem(String which, String name) {
        return NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of(Messages.ZenlayerAccessKeyBinding_invalidName(which, name));
    }

    /** Jenkins keeps environment variables by name regardless of case, so {@code a} and {@code A} are one. */
    private Optional<String> sameNameProblem() {
        return accessKeyId.equalsIgnoreCase(accessKeyPassword)
                ? Optional.of(Messages.ZenlayerAccessKeyBinding_sameName(accessKeyId))
                : Optional.empty();
    }

    /** The variables the binding sets, access key ID first. Both hold values to be masked in the build log. */
    Set<String> names() {
        return new LinkedHashSet<>(List.of(accessKeyId, accessKeyPassword));
    }

    /** The environment to set for one access key: variable name to value, access key ID first. */
    Map<String, String> values(String accessKeyIdValue, String accessKeyPasswordValue) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(accessKeyId, accessKeyIdValue);
        values.put(accessKeyPassword, accessKeyPasswordValue);
        return values;
    }
}
