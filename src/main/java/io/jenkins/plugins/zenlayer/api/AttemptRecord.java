package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened on one HTTP attempt of a call: the answer, or why there was none, already classified.
 *
 * @param number 1-based attempt number
 * @param elapsed time from sending the request to its outcome
 * @param httpStatus HTTP status, 0 when no response arrived
 * @param code error code of this attempt (a server code or a client-side one of {@link ZenlayerErrorCodes}),
 *     {@code null} when it succeeded
 * @param message the error message, never containing credentials; {@code null} when it succeeded
 * @param requestId the server's request id, if the answer had one
 * @param summary one short line for the build log, never containing credentials
 * @param requestSent false when the request certainly did not reach the server (for example a refused connection)
 * @param retryable whether the answer means "not processed, try again later"
 * @param answerLost the request was sent but no answer came back, so the server may have acted on it
 * @param willRetry whether another attempt follows
 * @param totalCount {@code totalCount} of a successful DescribeInstances answer
 * @param internetStatus the bandwidth fields of a successful DescribeInstanceInternetStatus answer
 * @param instances the {@code dataSet} of a successful DescribeInstances answer
 */
public record AttemptRecord(
        int number,
        @NonNull Duration elapsed,
        int httpStatus,
        @CheckForNull String code,
        @CheckForNull String message,
        @CheckForNull String requestId,
        @NonNull String summary,
        boolean requestSent,
        boolean retryable,
        boolean answerLost,
        boolean willRetry,
        @CheckForNull Long totalCount,
        @CheckForNull InternetStatus internetStatus,
        @CheckForNull List<InstanceInfo> instances) {

    public AttemptRecord {
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be at least 1, got " + number);
        }
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(summary, "summary");
        instances = instances == null ? null : List.copyOf(instances);
        if ((code == null) != (message == null)) {
            throw new IllegalArgumentException("an error has both a code and a message, a success neither");
        }
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
