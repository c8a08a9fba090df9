package io.jenkins.plugins.zenlayer.api;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between attempts; replaceable so that tests do not sleep. */
@FunctionalInterface
interface Backoff {

    /** Really waits, and wakes up as soon as the cancel signal is released. */
    Backoff REAL = (wait, cancelSignal) -> cancelSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS);

    /**
     * Waits up to {@code wait}.
     *
     * @return true if the wait ended because {@code cancelSignal} was released
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(Duration wait, CountDownLatch cancelSignal) throws InterruptedException;
}
