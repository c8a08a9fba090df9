package io.jenkins.plugins.zenlayer.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * The pace of one batch: when each new call may start, learnt from the API's answers. Shared by all workers of the
 * batch, so that a rate limit answer slows the whole batch down rather than the one call that received it.
 *
 * <p>The algorithm, additive increase and multiplicative decrease of a rate:
 *
 * <ul>
 *   <li>Until the first rate limit answer there is no pace: only the batch's concurrency limits how fast calls go.
 *   <li>On a rate limit answer the rate drops to {@link #DECREASE} times the smaller of the current rate and the rate
 *       the API actually accepted over the last {@link #WINDOW_NANOS second} (answers other than a rate limit counted
 *       when they arrive). An API that limits requests per second accepted about its limit in that second, so the
 *       new rate lands just under it after one answer, whatever the starting point. Further rate limit answers within
 *       {@link #HOLD_NANOS a second} of a decrease do not lower it again: they answer requests sent at the old rate.
 *   <li>Every accepted answer raises the rate by {@link #INCREASE_PER_SECOND} divided by the rate, that is by about
 *       one call per second for every second without a rate limit answer, so the batch probes slowly back up.
 *   <li>A retry the service announces takes the next free start time like a new call would, so that new calls and
 *       retries together keep to the rate.
 * </ul>
 *
 * <p>Thread-safe. Times are {@link System#nanoTime()} values, or those of the ticker given for tests.
 */
final class AdaptiveRateLimit {

    /** Factor applied to the accepted rate on a rate limit answer. */
    static final double DECREASE = 0.9;

    /** Calls per second added for each second of accepted answers. */
    static final double INCREASE_PER_SECOND = 1.0;

    /** The rate never drops below one call per second. */
    static final double MIN_RATE = 1.0;

    /** The window over which the accepted rate is measured. */
    static final long WINDOW_NANOS = 1_000_000_000L;

    /** After a decrease, rate limit answers are not acted on for this long. */
    static final long HOLD_NANOS = 1_000_000_000L;

    private final LongSupplier ticker;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private double rate = Double.POSITIVE_INFINITY;
    private long nextStart;
    private boolean decreasedBefore;
    private long lastDecrease;
    private int rateLimitedAnswers;
    private int decreases;
    private double lowestRate = Double.POSITIVE_INFINITY;

    AdaptiveRateLimit(LongSupplier ticker) {
        this.ticker = ticker;
        this.nextStart = ticker.getAsLong();
    }

    /**
     * Takes the next start time for a call. The caller waits until then, and must not start earlier.
     *
     * @return a ticker value, possibly in the past
     */
    synchronized long reserveStart() {
        long now = ticker.getAsLong();
        long start = Math.max(now, nextStart);
        if (Double.isFinite(rate)) {
            nextStart = start + interval();
        }
        return start;
    }

    /** A retry was announced: it takes a start time like a new call, pushing later calls back by one interval. */
    synchronized void retryAnnounced() {
        if (Double.isFinite(rate)) {
            nextStart = Math.max(ticker.getAsLong(), nextStart) + interval();
        }
    }

    /** An answer that was not a rate limit reached the client; the API counted the request. */
    synchronized void accepted() {
        long now = ticker.getAsLong();
        accepted.addLast(now);
        prune(now);
        if (Double.isFinite(rate)) {
            rate += INCREASE_PER_SECOND / rate;
        }
    }

    /**
     * A rate limit answer reached the client.
     *
     * @return the new rate in calls per second if the batch slows down now, empty if this answer is ignored
     */
    synchronized OptionalDouble rateLimited() {
        rateLimitedAnswers++;
        long now = ticker.getAsLong();
        if (decreasedBefore && now - lastDecrease < HOLD_NANOS) {
            return OptionalDouble.empty();
        }
        prune(now);
        double observed = accepted.size() * 1e9 / WINDOW_NANOS;
        double base = observed > 0 ? Math.min(rate, observed) : Double.isFinite(rate) ? rate : MIN_RATE;
        long previousInterval = Double.isFinite(rate) ? interval() : 0;
        rate = Math.max(MIN_RATE, base * DECREASE);
        lowestRate = Math.min(lowestRate, rate);
        // The next start moves to one new interval after the last start taken, and at least one new interval away
        // from now: the API's window is full at this moment.
        nextStart = Math.max(nextStart - previousInterval + interval(), now + interval());
        decreasedBefore = true;
        lastDecrease = now;
        decreases++;
        return OptionalDouble.of(rate);
    }

    /** Calls per second, {@code Infinity} while no rate limit answer has been received. */
    synchronized double rate() {
        return rate;
    }

    /** The lowest rate so far, {@code Infinity} if the batch never slowed down. */
    synchronized double lowestRate() {
        return lowestRate;
    }

    synchronized int rateLimitedAnswers() {
        return rateLimitedAnswers;
    }

    synchronized int decreases() {
        return decreases;
    }

    private long interval() {
        return Math.round(1e9 / rate);
    }

    private void prune(long now) {
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= WINDOW_NANOS) {
            accepted.removeFirst();
        }
    }
}
