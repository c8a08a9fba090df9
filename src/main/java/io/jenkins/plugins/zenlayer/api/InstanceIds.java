package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Optional;

/**
 * Client-side validation of instance ids. The API documents no format, so only what can never be a valid id is
 * rejected; anything else is left to the server.
 */
public final class InstanceIds {

    /** Maximum accepted length in characters (Unicode code points). */
    public static final int MAX_LENGTH = 128;

    private InstanceIds() {}

    /** Returns the first problem of {@code raw} after stripping surrounding whitespace, if any. */
    public static Optional<InstanceIdProblem> check(@CheckForNull String raw) {
        return Optional.ofNullable(problemOf(raw == null ? null : raw.strip()));
    }

    /**
     * Strips surrounding whitespace and validates.
     *
     * @return the id to send
     * @throws InvalidRequestException with an explanation of what is wrong and what to do
     */
    public static String normalize(@CheckForNull String raw) {
        String id = raw == null ? null : raw.strip();
        InstanceIdProblem problem = problemOf(id);
        if (problem != null) {
            throw new InvalidRequestException(message(problem, id));
        }
        return id;
    }

    /** A generic explanation of a problem, suitable for form validation. */
    public static String describe(InstanceIdProblem problem) {
        return switch (problem) {
            case MISSING ->
                "The instance ID is missing. Enter the ID of the bare metal instance, as shown in the"
                        + " Zenlayer console.";
            case CONTAINS_WHITESPACE ->
                "The instance ID contains whitespace. An instance ID is a single word:"
                        + " enter exactly one ID without spaces or line breaks.";
            case CONTAINS_CONTROL_CHARACTER ->
                "The instance ID contains a control character. Retype the ID or copy"
                        + " it again from the Zenlayer console.";
            case TOO_LONG ->
                "The instance ID is longer than " + MAX_LENGTH + " characters. Check that only the"
                        + " instance ID was entered.";
        };
    }

    @CheckForNull
    private static InstanceIdProblem problemOf(@CheckForNull String id) {
        if (id == null || id.isEmpty()) {
            return InstanceIdProblem.MISSING;
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

    private static String message(InstanceIdProblem problem, @CheckForNull String id) {
        return switch (problem) {
            case MISSING -> describe(problem);
            case TOO_LONG ->
                "The instance ID is " + id.codePointCount(0, id.length()) + " characters long; at most " + MAX_LENGTH
                        + " are allowed. Check that only the instance ID was entered.";
            default -> describe(problem) + " Received: " + Text.quoteForMessage(id, 60) + ".";
        };
    }
}
