package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Objects;

/**
 * What a {@link BatchRunner} did for one distinct instance. Facts only; the caller words them.
 *
 * @param position 0-based position of the instance's first occurrence in the list given to the runner
 * @param instanceId the instance id as sent, surrounding whitespace stripped
 * @param state how the instance ended
 * @param outcome the outcome of its last call when {@link State#FINISHED}, otherwise {@code null}
 * @param error what the action threw when {@link State#ERROR}, otherwise {@code null}
 * @param calls how many calls of the action were made for it: 0 if it never started, usually 1, more only after
 *     calls whose every attempt was refused by the rate limit (which the API did not act on)
 */
public record InstanceResult(
        int position,
        @NonNull String instanceId,
        @NonNull State state,
        @CheckForNull CallOutcome outcome,
        @CheckForNull Throwable error,
        int calls) {

    /** How an instance of a batch ended. */
    public enum State {
        /** Its call ended with an outcome, successful or not: see {@link #outcome()}. */
        FINISHED,
        /**
         * The action threw an exception other than {@link InterruptedException}, for example an invalid instance id
         * ({@link InvalidRequestException}), or the service supplier failed: see {@link #error()}.
         */
        ERROR,
        /**
         * Its call was in flight when the batch was aborted. The request may or may not have reached the API; calling
         * again is safe, because a second cancel of a downgrade that is already cancelled only answers that none is
         * pending.
         */
        CANCELLED,
        /** The batch was aborted before its call started: nothing was sent for it. */
        NOT_STARTED
    }

    public InstanceResult {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        if ((state == State.FINISHED) != (outcome != null)) {
            throw new IllegalArgumentException("a finished instance has an outcome, and only then");
        }
        if ((state == State.ERROR) != (error != null)) {
            throw new IllegalArgumentException("an instance in error has an error, and only then");
        }
        if ((state == State.NOT_STARTED) != (calls == 0)) {
            throw new IllegalArgumentException("an instance was called unless it never started");
        }
    }

    /** True when its call finished and succeeded. */
    public boolean succeeded() {
        return outcome != null && outcome.success();
    }
}
