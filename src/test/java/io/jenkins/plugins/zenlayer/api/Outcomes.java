package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.List;

/** Call outcomes as the client builds them, for tests of the code that reports them. */
public final class Outcomes {

    private Outcomes() {}

    /** One successful attempt. */
    public static CallOutcome success(String action, String instanceId, @CheckForNull String requestId) {
        return CallOutcome.of(action, instanceId, List.of(answered(1, 200, null, null, requestId, false)));
    }

    /** One failed attempt that got an answer (or none, with status 0). */
    public static CallOutcome failure(
            String action,
            String instanceId,
            int httpStatus,
            String code,
            String message,
            @CheckForNull String requestId) {
        return CallOutcome.of(action, instanceId, List.of(answered(1, httpStatus, code, message, requestId, false)));
    }

    /** An attempt as the client records it. */
    public static AttemptRecord answered(
            int number,
            int httpStatus,
            @CheckForNull String code,
            @CheckForNull String message,
            @CheckForNull String requestId,
            boolean retryable) {
        String summary = "HTTP " + httpStatus + (code == null ? " OK" : " " + code);
        return new AttemptRecord(
                number,
                Duration.ofMillis(1234),
                httpStatus,
                code,
                message,
                requestId,
                summary,
                true,
                retryable,
                false,
                false,
                null,
                null,
                null);
    }
}
