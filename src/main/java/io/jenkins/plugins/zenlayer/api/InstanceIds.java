package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for instance ids, checked before anything is sent. The API documents no format, so only what can never
 * be a valid id is rejected; anything else is left to the server.
 */
public final class InstanceIds {

    /** Maximum accepted length in characters (Unicode code points). */
    public static final int MAX_LENGTH = 128;

    /**
     * {@code ${NAME}} or {@code $NAME}: a variable reference that a build tool did not expand. No Zenlayer id contains
     * one, and an id that still does was meant to come from a variable that is not defined.
     */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private InstanceIds() {}

    /** Returns the first problem of {@code raw} after stripping surrounding whitespace, if any. */
    public static Optional<InstanceIdProblem> check(@CheckForNull String raw) {
        return Optional.ofNullable(problemOf(raw == null ? null : raw.strip()));
    }

    /**
     * Strips surrounding whitespace and validates.
     *
     * @return the id to send
     * @throws InvalidRequestException naming the problem
     */
    public static String normalize(@CheckForNull String raw) {
        String id = raw == null ? null : raw.strip();
        InstanceIdProblem problem = problemOf(id);
        if (problem != null) {
            throw new InvalidRequestException(problem, id);
        }
        return id;
    }

    /** The variable references in a value, in order, as written (for example {@code ${ID}}). */
    public static List<String> variableReferences(@CheckForNull String value) {
        List<String> found = new ArrayList<>();
        if (value != null) {
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** The bare name of a reference: {@code ID} for {@code ${ID}} or {@code $ID}. */
    public static String variableName(String reference) {
        String name =
                reference.startsWith("${") ? reference.substring(2, reference.length() - 1) : reference.substring(1);
        return name.strip();
    }

    @CheckForNull
    private static InstanceIdProblem problemOf(@CheckForNull String id) {
        if (id == null || id.isEmpty()) {
            return InstanceIdProblem.MISSING;
        }
        if (VARIABLE.matcher(id).find()) {
            return InstanceIdProblem.UNEXPANDED_VARIABLE;
        }
        // Whitespace first: tabs and line breaks are also control characters, but users think of them as spaces.
        if (id.codePoints().anyMatch(InstanceIds::isWhitespace)) {
            return InstanceIdProblem.CONTAINS_WHITESPACE;
        }
        if (id.codePoints().anyMatch(Character::isISOControl)) {
            return InstanceIdProblem.CONTAINS_CONTROL_CHARACTER;
        }
        if (id.codePointCount(0, id.length()) > MAX_LENGTH) {
            return InstanceIdProblem.TOO_LONG;
        }
        return null;
    }

    private static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
