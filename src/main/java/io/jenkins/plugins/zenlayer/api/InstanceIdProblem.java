package io.jenkins.plugins.zenlayer.api;

/** Why an instance id was rejected on the client. */
public enum InstanceIdProblem {
    /** Null, empty or only whitespace. */
    MISSING,
    /** A variable reference such as {@code ${ID}} that was not expanded. */
    UNEXPANDED_VARIABLE,
    /** Whitespace between other characters. */
    CONTAINS_WHITESPACE,
    /** An ISO control character (for example NUL or DEL) anywhere. */
    CONTAINS_CONTROL_CHARACTER,
    /** More than {@link InstanceIds#MAX_LENGTH} characters. */
    TOO_LONG
}
