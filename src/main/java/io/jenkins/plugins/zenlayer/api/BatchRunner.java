package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Runs one {@link InstanceAction} for each instance of a list, a few at a time, at the pace the API allows, and at most
 * once per instance. Free of Jenkins: the caller supplies the services and words the result.
 *
 * <ul>
 *   <li><b>Once per instance.</b> Ids equal after stripping surrounding whitespace are called once, at their first
 *       position; the later occurrences are reported in {@link BatchResult#duplicates()}. Each instance is taken by
 *       exactly one worker, and the runner never repeats a call the API may have acted on. The only repeat is of a
 *       call whose every attempt was refused by the rate limit, which the API did not act on: such an instance is
 *       called again, up to {@link #MAX_ROUNDS} calls in all, each paced like a new call.
 *   <li><b>Concurrency.</b> {@code concurrency} worker threads (at most {@link #MAX_CONCURRENCY}) each run one call
 *       at a time; the calls share the one OkHttp client of the services, its pool and its dispatcher.
 *   <li><b>Pace.</b> All workers take their start times from one {@link AdaptiveRateLimit}: a rate limit answer to
 *       any call slows the whole batch down, and accepted answers speed it up again. Retries inside a call keep the
 *       service's own rules (waits of 1 s, 2 s, 4 s, re-signed, only for answers that mean "not processed").
 *   <li><b>Abort.</b> {@link #cancel()}, or an interrupt of the thread waiting in {@link #run}, starts no further
 *       call and cancels the services of the calls in flight, which end within a second. {@link #run} then returns
 *       a result in which every instance is FINISHED, ERROR, CANCELLED or NOT_STARTED.
 * </ul>
 *
 * <p>Threads: {@link #run} starts {@code min(concurrency, instances)} daemon platform threads named
 * {@code Zenlayer batch <n> worker <k>}, and they end before it returns (or, if an action ignores an abort, within
 * {@link #ABORT_GRACE} after it, their results then counted as CANCELLED). Platform threads rather than virtual ones:
 * there are at most five, they spend their time waiting for OkHttp's dispatcher threads, and a listener writing to a
 * synchronised log cannot pin them to a carrier thread.
 *
 * <p>A runner runs once. {@link #cancel()} is thread-safe and may be called before, during or after {@link #run}.
 */
public final class BatchRunner {

    /** Most distinct instances in one batch. */
    public static final int MAX_INSTANCES = 500;

    /**
     * Most calls in flight at once: OkHttp's default {@code maxRequestsPerHost}, which the plugin's shared client
     * keeps. More workers would only queue in the dispatcher, their calls' timeouts already running.
     */
    public static final int MAX_CONCURRENCY = 5;

    /** The concurrency when none is given: one call below the per-host limit, left for other builds. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /** Most calls for one instance: the first, and repeats after calls refused entirely by the rate limit. */
    public static final int MAX_ROUNDS = 3;

    /** How long {@link #run} waits for calls in flight after an abort before it counts them CANCELLED. */
    public static final Duration ABORT_GRACE = Duration.ofSeconds(2);

    private static final AtomicInteger BATCHES = new AtomicInteger();

    private final List<String> instanceIds;
    private final int[] positions;
    private final List<BatchResult.Duplicate> duplicates;
    private final int concurrency;
    private final Supplier<ZenlayerService> services;
    private final InstanceAction action;
    private final AdaptiveRateLimit pace = new AdaptiveRateLimit(System::nanoTime);

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch abortSignal = new CountDownLatch(1);
    private volatile boolean aborted;
    private final AtomicReferenceArray<ZenlayerService> running;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReferenceArray<InstanceResult> results;
    private final AtomicIntegerArray calls;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Object workersLock = new Object();
    private int liveWorkers;
    private final Object eventLock = new Object();
    private BatchListener events = BatchListener.NONE;

    /**
     * @param instanceIds the instance ids in order; validated by the caller (an invalid one ends in
     *     {@link InstanceResult.State#ERROR}); duplicates are removed, keeping the first occurrence
     * @param concurrency calls in flight at once, 1 to {@link #MAX_CONCURRENCY}
     * @param services a new service for each call, for example {@code () -> client.service(auth, config)}
     * @param action the call for one instance, for example {@link InstanceAction#CANCEL_BANDWIDTH_DOWNGRADE}
     * @throws IllegalArgumentException if there are more than {@link #MAX_INSTANCES} distinct ids or the concurrency
     *     is out of range
     */
    public BatchRunner(
            List<String> instanceIds, int concurrency, Supplier<ZenlayerService> services, InstanceAction action) {
        Objects.requireNonNull(instanceIds, "instanceIds");
        this.services = Objects.requireNonNull(services, "services");
        this.action = Objects.requireNonNull(action, "action");
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        this.concurrency = concurrency;
        List<String> distinct = new ArrayList<>();
        List<Integer> firstPositions = new ArrayList<>();
        List<BatchResult.Duplicate> removed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < instanceIds.size(); i++) {
            String id = Objects.requireNonNull(instanceIds.get(i), "instance id at position " + i)
                    .strip();
            Integer first = seen.putIfAbsent(id, i);
            if (first == null) {
                distinct.add(id);
                firstPositions.add(i);
            } else {
                removed.add(new BatchResult.Duplicate(i, id, first));
            }
        }
        if (distinct.size() > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_INSTANCES + " instances in one batch, got " + distinct.size());
        }
        this.instanceIds = List.copyOf(distinct);
        this.positions = firstPositions.stream().mapToInt(Integer::intValue).toArray();
        this.duplicates = List.copyOf(removed);
        this.running = new AtomicReferenceArray<>(concurrency);
        this.results = new AtomicReferenceArray<>(distinct.size());
        this.calls = new AtomicIntegerArray(distinct.size());
    }

    /** The distinct instance ids, stripped, in the order they will be called. */
    public List<String> instanceIds() {
        return instanceIds;
    }

    /** The occurrences removed as duplicates. */
    public List<BatchResult.Duplicate> duplicates() {
        return duplicates;
    }

    public int concurrency() {
        return concurrency;
    }

    /**
     * Runs the batch and waits for it. If the waiting thread is interrupted, the batch is aborted as by
     * {@link #cancel()}, the result is returned as usual, and the thread's interrupt status is set again.
     *
     * @param listener receives progress, one event at a time
     * @return one result per distinct instance, in order
     * @throws IllegalStateException if this runner has run before
     */
    public BatchResult run(@CheckForNull BatchListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a batch runs only once");
        }
        events = listener == null ? BatchListener.NONE : listener;
        long start = System.nanoTime();
        int workers = Math.min(concurrency, instanceIds.size());
        int batch = BATCHES.incrementAndGet();
        synchronized (workersLock) {
            liveWorkers = workers;
        }
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> work(worker), "Zenlayer batch " + batch + " worker " + (w + 1));
            thread.setDaemon(true);
            thread.start();
        }
        boolean interrupted = awaitWorkers();
        List<InstanceResult> list = new ArrayList<>(instanceIds.size());
        for (int i = 0; i < instanceIds.size(); i++) {
            int made = calls.get(i);
            // A worker still running after the grace period loses the race here, and its late result is dropped.
            results.compareAndSet(
                    i,
                    null,
                    new InstanceResult(
                            positions[i],
                            instanceIds.get(i),
                            made == 0 ? InstanceResult.State.NOT_STARTED : InstanceResult.State.CANCELLED,
                            null,
                            null,
                            made));
            list.add(results.get(i));
        }
        BatchResult result = new BatchResult(
                list,
                duplicates,
                aborted,
                Duration.ofNanos(System.nanoTime() - start),
                workers,
                peakInFlight.get(),
                attempts.get(),
                pace.rateLimitedAnswers(),
                pace.decreases(),
                pace.lowestRate());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /**
     * Aborts the batch: no further call starts, and the calls in flight are cancelled through their services. Safe
     * from any thread, more than once.
     */
    public void cancel() {
        aborted = true;
        abortSignal.countDown();
        for (int w = 0; w < running.length(); w++) {
            ZenlayerService service = running.get(w);
            if (service != null) {
                service.cancel();
            }
        }
        synchronized (workersLock) {
            workersLock.notifyAll();
        }
    }

    /** True once the batch was aborted. */
    public boolean isCancelled() {
        return aborted;
    }

    /** The batch's current rate of new calls per second, {@code Infinity} before any rate limit answer. */
    public double currentRate() {
        return pace.rate();
    }

    /**
     * Waits until the workers end; after an abort, at most {@link #ABORT_GRACE} longer.
     *
     * @return true if the waiting thread was interrupted
     */
    private boolean awaitWorkers() {
        boolean interrupted = false;
        synchronized (workersLock) {
            try {
                while (liveWorkers > 0 && !aborted) {
                    workersLock.wait();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            cancel();
        }
        long deadline = System.nanoTime() + ABORT_GRACE.toNanos();
        synchronized (workersLock) {
            while (liveWorkers > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(workersLock, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    private void work(int worker) {
        try {
            while (!aborted) {
                int i = next.getAndIncrement();
                if (i >= instanceIds.size()) {
                    return;
                }
                if (!runInstance(worker, i)) {
                    return;
                }
            }
        } finally {
            synchronized (workersLock) {
                liveWorkers--;
                workersLock.notifyAll();
            }
        }
    }

    /**
     * Calls the action for instance {@code i} until it has a result or the batch is aborted.
     *
     * @return false if this worker must stop
     */
    private boolean runInstance(int worker, int i) {
        String id = instanceIds.get(i);
        CallOutcome outcome = null;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            if (!awaitStartTime()) {
                finishEarlier(i, outcome, round - 1);
                return false;
            }
            ZenlayerService service;
            try {
                service = Objects.requireNonNull(services.get(), "the service supplier returned null");
            } catch (RuntimeException e) {
                calls.set(i, round);
                finish(i, new InstanceResult(positions[i], id, InstanceResult.State.ERROR, null, e, round));
                return true;
            }
            running.set(worker, service);
            try {
                if (aborted) {
                    // cancel() may have missed this service: the call must not start.
                    finishEarlier(i, outcome, round - 1);
                    return false;
                }
                calls.set(i, round);
                int round0 = round;
                deliver(() -> events.onStart(id, round0));
                int now = inFlight.incrementAndGet();
                peakInFlight.accumulateAndGet(now, Math::max);
                try {
                    outcome = action.call(service, id, new PacedListener(id));
                } catch (InterruptedException e) {
                    // Cancelled with the batch: CANCELLED when run() collects the results.
                    return false;
                } catch (Exception e) {
                    finish(i, new InstanceResult(positions[i], id, InstanceResult.State.ERROR, null, e, round));
                    return true;
                } finally {
                    inFlight.decrementAndGet();
                }
            } finally {
                running.set(worker, null);
            }
            if (outcome == null) {
                finish(
                        i,
                        new InstanceResult(
                                positions[i],
                                id,
                                InstanceResult.State.ERROR,
                                null,
                                new IllegalStateException("the action returned no outcome"),
                                round));
                return true;
            }
            if (!refusedByRateLimitOnly(outcome) || round == MAX_ROUNDS) {
                break;
            }
        }
        finish(i, new InstanceResult(positions[i], id, InstanceResult.State.FINISHED, outcome, null, calls.get(i)));
        return true;
    }

    /** Aborted before call {@code made + 1}: the outcome of an earlier call stands, if there was one. */
    private void finishEarlier(int i, @CheckForNull CallOutcome outcome, int made) {
        if (outcome != null) {
            finish(
                    i,
                    new InstanceResult(
                            positions[i], instanceIds.get(i), InstanceResult.State.FINISHED, outcome, null, made));
        }
    }

    private void finish(int i, InstanceResult result) {
        if (results.compareAndSet(i, null, result)) {
            deliver(() -> events.onResult(result));
        }
    }

    /**
     * Waits for this call's start time from the pace.
     *
     * @return false if the batch was aborted (or this worker interrupted) meanwhile
     */
    private boolean awaitStartTime() {
        long startAt = pace.reserveStart();
        long wait = startAt - System.nanoTime();
        try {
            if (wait > 0 && abortSignal.await(wait, TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !aborted;
    }

    /** True when the call failed and every attempt of it was refused by the rate limit: the API did nothing. */
    public static boolean refusedByRateLimitOnly(CallOutcome outcome) {
        return !outcome.success()
                && outcome.lostAnswer() == CallOutcome.LostAnswer.NONE
                && outcome.attempts().stream().allMatch(BatchRunner::isRateLimited);
    }

    /** HTTP 429 or {@code REQUEST_LIMIT_EXCEEDED}. */
    static boolean isRateLimited(AttemptRecord attempt) {
        return attempt.httpStatus() == 429 || ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED.equals(attempt.code());
    }

    private void deliver(Runnable event) {
        synchronized (eventLock) {
            try {
                event.run();
            } catch (RuntimeException ignored) {
                // A failing listener (for example a closed build log) must not change the batch.
            }
        }
    }

    /** Feeds the pace with every attempt of one instance's call and passes the events on with the instance id. */
    private final class PacedListener implements AttemptListener {
        private final String instanceId;

        PacedListener(String instanceId) {
            this.instanceId = instanceId;
        }

        @Override
        public void onAttempt(AttemptRecord attempt) {
            attempts.incrementAndGet();
            OptionalDouble slower = OptionalDouble.empty();
            if (isRateLimited(attempt)) {
                slower = pace.rateLimited();
            } else if (attempt.httpStatus() != 0) {
                pace.accepted();
            }
            deliver(() -> events.onAttempt(instanceId, attempt));
            if (slower.isPresent()) {
                double rate = slower.getAsDouble();
                deliver(() -> events.onSlowDown(instanceId, rate));
            }
        }

        @Override
        public void onBackoff(int nextAttempt, Duration wait, String reason) {
            pace.retryAnnounced();
            deliver(() -> events.onBackoff(instanceId, nextAttempt, wait, reason));
        }
    }
}
