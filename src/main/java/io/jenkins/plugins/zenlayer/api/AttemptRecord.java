package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Duration;
import java.util.Objects;

/**
 * What happened on one HTTP attempt of a call.
 *
 * @param number 1-based attempt number
 * @param elapsed time from building the request to its outcome
 * @param httpStatus HTTP status, 0 when no response arrived
 * @param code error code of this attempt, {@code null} when it succeeded
 * @param requestId the server's request id, if the answer had one
 * @param summary one short human-readable line, never containing credentials
 * @param requestSent false when the request certainly did not reach the server (for example a refused connection)
 * @param willRetry whether another attempt follows
 */
public record AttemptRecord(
        int number,
        @NonNull Duration elapsed,
        int httpStatus,
        @CheckForNull String code,
        @CheckForNull String requestId,
        @NonNull String summary,
        boolean requestSent,
        boolean willRetry) {

    public AttemptRecord {
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be at least 1, got " + number);
        }
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(summary, "summary");
    }

    /** True when this attempt got a successful answer. */
    public boolean succeeded() {
        return code == null;
    }

    @Override
    public String toString() {
        return "attempt " + number + " (" + elapsed.toMillis() + " ms): " + summary + (willRetry ? ", will retry" : "");
    }
}
