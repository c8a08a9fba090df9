package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import java.util.Objects;

/**
 * The result of one service call: every attempt made, and how the last one settles the call. Everything else is read
 * off the last attempt. Immutable and free of credentials; holds facts, no sentences, so that the caller words them
 * in its user's language.
 */
public final class CallOutcome {

    /** How the call ended when it was not simply the last attempt's answer. */
    public enum LostAnswer {
        /** No attempt's answer was lost, or it played no part. */
        NONE,
        /**
         * An attempt was sent but its answer was lost, and a later attempt found nothing left to do: the lost one most
         * likely did it, so the call counts as a success.
         */
        INFERRED_SUCCESS,
        /** An attempt was sent but its answer was lost, and the call failed: the lost one may have taken effect. */
        MAY_HAVE_TAKEN_EFFECT
    }

    private final String action;
    private final String instanceId;
    private final List<AttemptRecord> attempts;
    private final LostAnswer lostAnswer;
    private final int lostAttempt;

    private CallOutcome(
            String action,
            @CheckForNull String instanceId,
            List<AttemptRecord> attempts,
            LostAnswer lostAnswer,
            int lostAttempt) {
        this.action = Objects.requireNonNull(action, "action");
        this.instanceId = instanceId;
        this.attempts = List.copyOf(attempts);
        this.lostAnswer = Objects.requireNonNull(lostAnswer, "lostAnswer");
        this.lostAttempt = lostAttempt;
        if (this.attempts.isEmpty()) {
            throw new IllegalArgumentException("an outcome has at least one attempt");
        }
        if ((lostAnswer == LostAnswer.NONE) != (lostAttempt == 0)) {
            throw new IllegalArgumentException("a lost answer names its attempt, and only then");
        }
    }

    /** The last attempt decides the call. */
    public static CallOutcome of(String action, @CheckForNull String instanceId, List<AttemptRecord> attempts) {
        return new CallOutcome(action, instanceId, attempts, LostAnswer.NONE, 0);
    }

    /**
     * The call ended after attempt {@code lostAttempt} was sent and its answer lost: a success when {@code lostAnswer}
     * is {@link LostAnswer#INFERRED_SUCCESS}, otherwise the last attempt's failure.
     */
    public static CallOutcome afterLostAnswer(
            String action,
            @CheckForNull String instanceId,
            List<AttemptRecord> attempts,
            LostAnswer lostAnswer,
            int lostAttempt) {
        return new CallOutcome(action, instanceId, attempts, lostAnswer, lostAttempt);
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

    /** Every attempt, in order. */
    @NonNull
    public List<AttemptRecord> attempts() {
        return attempts;
    }

    /** The attempt that settled the call. */
    @NonNull
    public AttemptRecord lastAttempt() {
        return attempts.get(attempts.size() - 1);
    }

    public boolean success() {
        return lostAnswer == LostAnswer.INFERRED_SUCCESS || lastAttempt().succeeded();
    }

    /** Whether and how an attempt whose answer was lost settled the call; see {@link #lostAttempt()}. */
    @NonNull
    public LostAnswer lostAnswer() {
        return lostAnswer;
    }

    /** The number of the first attempt whose answer was lost, 0 when {@link #lostAnswer()} is NONE. */
    public int lostAttempt() {
        return lostAttempt;
    }

    /** True when success was inferred after an attempt whose answer was lost. */
    public boolean inferredFromAmbiguousRetry() {
        return lostAnswer == LostAnswer.INFERRED_SUCCESS;
    }

    /** True when the call failed on an answer that means "try again later" after more than one attempt. */
    public boolean retriesExhausted() {
        return !success() && attempts.size() > 1 && lastAttempt().retryable();
    }

    /** The request id of the last attempt; on failure the error's request id, if any. */
    @CheckForNull
    public String requestId() {
        return lastAttempt().requestId();
    }

    /** HTTP status of the last attempt, 0 when it got no answer. */
    public int httpStatus() {
        return lastAttempt().httpStatus();
    }

    /** The error code, {@code null} on success. */
    @CheckForNull
    public String code() {
        return success() ? null : lastAttempt().code();
    }

    /** The error message, {@code null} on success. */
    @CheckForNull
    public String message() {
        return success() ? null : lastAttempt().message();
    }

    /** {@code totalCount} of a DescribeInstances answer, {@code null} for other actions or on failure. */
    @CheckForNull
    public Long totalCount() {
        return success() ? lastAttempt().totalCount() : null;
    }

    /** The bandwidth fields of a DescribeInstanceInternetStatus answer, {@code null} for other actions or on failure. */
    @CheckForNull
    public InternetStatus internetStatus() {
        return success() ? lastAttempt().internetStatus() : null;
    }

    /** The instances of a DescribeInstances page, {@code null} for other actions or on failure. */
    @CheckForNull
    public List<InstanceInfo> instances() {
        return success() ? lastAttempt().instances() : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(action);
        if (instanceId != null) {
            sb.append('(').append(instanceId).append(')');
        }
        if (success()) {
            sb.append(inferredFromAmbiguousRetry() ? " succeeded (inferred)" : " succeeded");
        } else {
            sb.append(" failed: ").append(code());
            if (httpStatus() != 0) {
                sb.append(" (HTTP ").append(httpStatus()).append(')');
            }
        }
        if (requestId() != null) {
            sb.append(" [requestId ").append(requestId()).append(']');
        }
        sb.append(" after ").append(attempts.size()).append(attempts.size() == 1 ? " attempt" : " attempts");
        if (lostAnswer != LostAnswer.NONE) {
            sb.append(", answer of attempt ").append(lostAttempt).append(" lost");
        }
        return sb.toString();
    }
}
