package io.jenkins.plugins.zenlayer.api;

import java.time.Duration;

/**
 * Progress of a {@link BatchRunner}, each event with the instance it concerns. Calls come from the batch's worker
 * threads but never at the same time: the runner delivers one event at a time, so an implementation needs no locking
 * and its lines do not interleave. Exceptions thrown by a listener are ignored, so that a broken log cannot change the
 * outcome of a batch. Every method does nothing by default.
 */
public interface BatchListener {

    /** A listener that ignores everything. */
    BatchListener NONE = new BatchListener() {};

    /**
     * A call for this instance starts.
     *
     * @param round 1 for the instance's call; 2 and up when it is called again because every attempt of the previous
     *     call was refused by the API's rate limit (see {@link BatchRunner#MAX_ROUNDS})
     */
    default void onStart(String instanceId, int round) {}

    /** An attempt of this instance's call ended; see {@link AttemptListener#onAttempt}. */
    default void onAttempt(String instanceId, AttemptRecord attempt) {}

    /** The service waits before retrying this instance's call; see {@link AttemptListener#onBackoff}. */
    default void onBackoff(String instanceId, int nextAttempt, Duration wait, String reason) {}

    /**
     * The API's rate limit was hit and the whole batch slows down.
     *
     * @param instanceId the instance whose attempt was refused
     * @param callsPerSecond the batch's new rate of new calls
     */
    default void onSlowDown(String instanceId, double callsPerSecond) {}

    /**
     * An instance has its result: {@link InstanceResult.State#FINISHED} or {@link InstanceResult.State#ERROR} as soon
     * as its call ends. Instances that end {@link InstanceResult.State#CANCELLED} or
     * {@link InstanceResult.State#NOT_STARTED} appear only in the {@link BatchResult}.
     */
    default void onResult(InstanceResult result) {}
}
