package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * A setting that {@link ZenlayerClientConfig} refuses. Says which setting and why, so that callers word it in their
 * users' language; the message is the client's English explanation.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The settings of {@link ZenlayerClientConfig}. */
    public enum Setting {
        ENDPOINT,
        API_VERSION,
        CONNECT_TIMEOUT,
        CALL_TIMEOUT,
        MAX_ATTEMPTS,
        INITIAL_BACKOFF,
        USER_AGENT
    }

    /** What is wrong with the value. */
    public enum Problem {
        /** Blank or not set. */
        MISSING,
        /** Not of the expected form: not a URL, not a date. */
        MALFORMED,
        /** The endpoint holds a user name or password; the value is then never repeated. */
        USER_INFO,
        /** The endpoint is neither https nor http. */
        SCHEME,
        /** The endpoint uses plain http to a host that is not the local machine. */
        PLAIN_HTTP,
        /** The endpoint has a query or a fragment. */
        QUERY_OR_FRAGMENT,
        /** The endpoint already ends with the service path that the client adds. */
        SERVICE_PATH,
        /** A number or duration outside the allowed range. */
        OUT_OF_RANGE
    }

    private final Setting setting;
    private final Problem problem;
    private final String value;

    InvalidSettingException(Setting setting, Problem problem, @CheckForNull String value, String message) {
        super(message);
        this.setting = Objects.requireNonNull(setting, "setting");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.value = problem == Problem.USER_INFO ? null : value;
    }

    public Setting setting() {
        return setting;
    }

    public Problem problem() {
        return problem;
    }

    /** The refused value as given (stripped); {@code null} when it must not be repeated or was not set. */
    @CheckForNull
    public String value() {
        return value;
    }
}
