package io.jenkins.plugins.zenlayer.api;

import java.time.Duration;

/**
 * Progress callbacks of one call, invoked on the calling thread. Exceptions thrown by a listener are ignored so that a
 * broken log cannot change the outcome of a call.
 */
public interface AttemptListener {

    /** A listener that ignores everything. */
    AttemptListener NONE = new AttemptListener() {};

    /** Called after each attempt, before any backoff. */
    default void onAttempt(AttemptRecord attempt) {}

    /**
     * Called before waiting to retry.
     *
     * @param nextAttempt the 1-based number of the attempt that follows the wait
     * @param wait how long the client waits
     * @param reason short description of why the previous attempt is retried
     */
    default void onBackoff(int nextAttempt, Duration wait, String reason) {}
}
