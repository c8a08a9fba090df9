package io.jenkins.plugins.zenlayer.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; replaceable so that tests do not sleep. */
@FunctionalInterface
interface Backoff {

    /** Really waits. */
    Backoff REAL = wait -> TimeUnit.NANOSECONDS.sleep(wait.toNanos());

    /**
     * Waits for {@code wait}.
     *
     * @throws InterruptedException if the waiting thread is interrupted: the call is aborted
     */
    void await(Duration wait) throws InterruptedException;
}
