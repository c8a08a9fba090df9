package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import java.util.Objects;

/** The result of one service call, including every attempt made. Immutable and free of credentials. */
public final class CallOutcome {

    private final String action;
    private final String instanceId;
    private final boolean success;
    private final String requestId;
    private final ApiError error;
    private final List<AttemptRecord> attempts;
    private final String note;
    private final boolean inferredFromAmbiguousRetry;
    private final Long totalCount;

    private CallOutcome(
            String action,
            @CheckForNull String instanceId,
            boolean success,
            @CheckForNull String requestId,
            @CheckForNull ApiError error,
            List<AttemptRecord> attempts,
            @CheckForNull String note,
            boolean inferredFromAmbiguousRetry,
            @CheckForNull Long totalCount) {
        this.action = Objects.requireNonNull(action, "action");
        this.instanceId = instanceId;
        this.success = success;
        this.requestId = requestId;
        this.error = error;
        this.attempts = List.copyOf(attempts);
        this.note = note;
        this.inferredFromAmbiguousRetry = inferredFromAmbiguousRetry;
        this.totalCount = totalCount;
        if (success == (error != null)) {
            throw new IllegalArgumentException("a successful outcome has no error and a failed one has one");
        }
    }

    /** A successful answer. */
    public static CallOutcome success(
            String action,
            @CheckForNull String instanceId,
            @CheckForNull String requestId,
            List<AttemptRecord> attempts) {
        return new CallOutcome(action, instanceId, true, requestId, null, attempts, null, false, null);
    }

    /**
     * Success inferred from a retry: an earlier attempt was sent but its answer was lost, and a later attempt found
     * nothing left to do.
     */
    public static CallOutcome inferredSuccess(
            String action,
            @CheckForNull String instanceId,
            @CheckForNull String requestId,
            List<AttemptRecord> attempts,
            String note) {
        return new CallOutcome(
                action, instanceId, true, requestId, null, attempts, Objects.requireNonNull(note, "note"), true, null);
    }

    /** A failure; {@link #requestId()} is the error's request id. */
    public static CallOutcome failure(
            String action, @CheckForNull String instanceId, ApiError error, List<AttemptRecord> attempts) {
        return failure(action, instanceId, error, attempts, null);
    }

    /** A failure with an explanation, for example that an earlier attempt may have taken effect. */
    public static CallOutcome failure(
            String action,
            @CheckForNull String instanceId,
            ApiError error,
            List<AttemptRecord> attempts,
            @CheckForNull String note) {
        Objects.requireNonNull(error, "error");
        return new CallOutcome(action, instanceId, false, error.requestId(), error, attempts, note, false, null);
    }

    /** A copy carrying the {@code totalCount} of a DescribeInstances answer. */
    public CallOutcome withTotalCount(long count) {
        return new CallOutcome(
                action, instanceId, success, requestId, error, attempts, note, inferredFromAmbiguousRetry, count);
    }

    /** The API action, for example {@code CancelInstanceBandwidthDowngrade}. */
    @NonNull
    public String action() {
        return action;
    }

    /** The instance id sent, or {@code null} for actions without one. */
    @CheckForNull
    public String instanceId() {
        return instanceId;
    }

    public boolean success() {
        return success;
    }

    /** The request id of the answering attempt; on failure the error's request id, if any. */
    @CheckForNull
    public String requestId() {
        return requestId;
    }

    /** The error, {@code null} on success. */
    @CheckForNull
    public ApiError error() {
        return error;
    }

    /** Every attempt, in order. */
    @NonNull
    public List<AttemptRecord> attempts() {
        return attempts;
    }

    /** An explanation to show next to the result, for example when success was inferred. */
    @CheckForNull
    public String note() {
        return note;
    }

    /** True when success was inferred after an attempt whose answer was lost; see {@link #note()}. */
    public boolean inferredFromAmbiguousRetry() {
        return inferredFromAmbiguousRetry;
    }

    /** The error code, {@code null} on success. */
    @CheckForNull
    public String code() {
        return error == null ? null : error.code();
    }

    /** The error message, {@code null} on success. */
    @CheckForNull
    public String message() {
        return error == null ? null : error.message();
    }

    /** {@code totalCount} of a DescribeInstances answer, {@code null} for other actions or on failure. */
    @CheckForNull
    public Long totalCount() {
        return totalCount;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(action);
        if (instanceId != null) {
            sb.append('(').append(instanceId).append(')');
        }
        if (success) {
            sb.append(inferredFromAmbiguousRetry ? " succeeded (inferred)" : " succeeded");
            if (requestId != null) {
                sb.append(" [requestId ").append(requestId).append(']');
            }
        } else {
            sb.append(" failed: ").append(error);
        }
        sb.append(" after ").append(attempts.size()).append(attempts.size() == 1 ? " attempt" : " attempts");
        if (note != null) {
            sb.append(". ").append(note);
        }
        return sb.toString();
    }
}
