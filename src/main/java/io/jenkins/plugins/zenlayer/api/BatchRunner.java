package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.ObjDoubleConsumer;

/**
 * Runs one piece of work per instance, a few at a time, at one pace learnt from the API's answers. Free of Jenkins:
 * the caller says what to do with an instance and words the results.
 *
 * <ul>
 *   <li><b>Threads.</b> A fixed pool of {@code min(concurrency, instances)} named daemon threads, shut down before
 *       {@link #run} returns. The work of an instance runs on one of them; its HTTP calls go through the one OkHttp
 *       client of the plugin, whose dispatcher runs at most five calls per host at once, so more workers would only
 *       queue there.
 *   <li><b>Pace.</b> All work shares one {@link Pace}: a rate limit answer to any call slows the whole batch down, and
 *       accepted answers speed it up again.
 *   <li><b>Results.</b> One per distinct instance, in input order. Work that throws (an {@code Error} included) ends
 *       its own instance with {@code onError}'s result and nothing else.
 *   <li><b>Abort.</b> An interrupt of the thread in {@link #run} interrupts every worker, which aborts the HTTP call
 *       in flight (the client cancels a call when its thread is interrupted) and starts no other;
 *       {@link Aborted} then says which instances finished, which were in flight and which never started.
 * </ul>
 */
public final class BatchRunner {

    /** Most distinct instances in one batch. */
    public static final int MAX_INSTANCES = 1000;

    /**
     * Most calls in flight at once: OkHttp's default {@code maxRequestsPerHost}, which the plugin's shared client
     * keeps. Calls beyond it wait in the dispatcher's queue.
     */
    public static final int MAX_CONCURRENCY = 5;

    /** The concurrency when none is given: one call below the per-host limit, left for other builds. */
    public static final int DEFAULT_CONCURRENCY = 4;

    /** Most calls for one instance: the first, and repeats after calls refused entirely by the rate limit. */
    public static final int MAX_ROUNDS = 3;

    /** How long {@link #run} waits for interrupted workers to end after an abort. */
    static final Duration ABORT_GRACE = Duration.ofSeconds(2);

    private static final AtomicInteger BATCHES = new AtomicInteger();

    private BatchRunner() {}

    /** What to do with one instance. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param instanceId the instance, surrounding whitespace stripped
         * @param pace the batch's pace: wait for a turn before each call and pass its listener to the service
         */
        T run(String instanceId, Pace pace) throws Exception;
    }

    /**
     * An ID left out because it already occurred earlier in the list.
     *
     * @param position 0-based position of this occurrence
     * @param instanceId the ID, surrounding whitespace stripped
     * @param firstPosition 0-based position of its first occurrence, the one that is run
     */
    public record Duplicate(int position, @NonNull String instanceId, int firstPosition) {}

    /**
     * The distinct IDs of a list in the order of their first occurrence, and the later occurrences left out. IDs equal
     * after stripping surrounding whitespace are the same instance.
     */
    public record Distinct(
            @NonNull List<String> instanceIds, @NonNull List<Duplicate> duplicates) {

        public Distinct {
            instanceIds = List.copyOf(instanceIds);
            duplicates = List.copyOf(duplicates);
        }

        /** @throws NullPointerException if an ID is {@code null}: check the IDs first */
        public static Distinct of(List<String> ids) {
            List<String> distinct = new ArrayList<>();
            List<Duplicate> duplicates = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = Objects.requireNonNull(ids.get(i), "instance ID").strip();
                Integer first = seen.putIfAbsent(id, i);
                if (first == null) {
                    distinct.add(id);
                } else {
                    duplicates.add(new Duplicate(i, id, first));
                }
            }
            return new Distinct(distinct, duplicates);
        }
    }

    /** The batch was aborted; thrown instead of results, with what became of each instance. */
    public static final class Aborted extends InterruptedException {
        private static final long serialVersionUID = 1L;

        private final transient List<String> finished;
        private final transient List<String> inFlight;
        private final transient List<String> notStarted;

        Aborted(List<String> finished, List<String> inFlight, List<String> notStarted) {
            super("The batch was aborted.");
            this.finished = List.copyOf(finished);
            this.inFlight = List.copyOf(inFlight);
            this.notStarted = List.copyOf(notStarted);
        }

        /** Instances whose work ended before the abort. */
        public List<String> finished() {
            return finished;
        }

        /** Instances whose work was running: their request may or may not have reached the API. */
        public List<String> inFlight() {
            return inFlight;
        }

        /** Instances for which nothing was sent. */
        public List<String> notStarted() {
            return notStarted;
        }
    }

    /**
     * Runs {@code work} for each distinct instance and waits for all of them.
     *
     * @param instanceIds distinct, stripped IDs: {@link Distinct#instanceIds()}
     * @param concurrency how many instances are worked on at once, 1 to {@link #MAX_CONCURRENCY}
     * @param pace the batch's pace, new for each batch
     * @param onError the result of an instance whose work threw
     * @return one result per instance, in order
     * @throws Aborted if the calling thread was interrupted; every worker has been interrupted then
     * @throws IllegalArgumentException if the list is too long or the concurrency out of range
     */
    public static <T> List<T> run(
            List<String> instanceIds,
            int concurrency,
            Pace pace,
            Work<T> work,
            BiFunction<String, Throwable, T> onError)
            throws Aborted {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (instanceIds.size() > MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_INSTANCES + " instances in one batch, got " + instanceIds.size());
        }
        int workers = Math.max(1, Math.min(concurrency, instanceIds.size()));
        ExecutorService pool = Executors.newFixedThreadPool(
                workers,
                Thread.ofPlatform()
                        .name("Zenlayer batch " + BATCHES.incrementAndGet() + " worker ", 1)
                        .daemon()
                        .factory());
        List<AtomicBoolean> started = new ArrayList<>();
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (String id : instanceIds) {
                AtomicBoolean begun = new AtomicBoolean();
                started.add(begun);
                futures.add(pool.submit(() -> {
                    begun.set(true);
                    try {
                        return work.run(id, pace);
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Throwable e) { // NOPMD: an Error ends this instance, not the batch's accounting
                        return onError.apply(id, e);
                    }
                }));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                results.add(resultOf(futures.get(i), instanceIds.get(i), onError));
            }
            return results;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            awaitQuietly(pool);
            List<String> finished = new ArrayList<>();
            List<String> inFlight = new ArrayList<>();
            List<String> notStarted = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Future<T> future = futures.get(i);
                if (!started.get(i).get()) {
                    notStarted.add(instanceIds.get(i));
                } else if (future.state() == Future.State.SUCCESS) {
                    finished.add(instanceIds.get(i));
                } else {
                    inFlight.add(instanceIds.get(i));
                }
            }
            throw new Aborted(finished, inFlight, notStarted);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T resultOf(Future<T> future, String id, BiFunction<String, Throwable, T> onError)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Only an interrupt the work did not cause itself gets here: the batch was not aborted.
            return onError.apply(id, e.getCause());
        } catch (CancellationException e) {
            return onError.apply(id, e);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(ABORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /**
     * The pace of one batch, shared by its workers: when the next call may start ({@link #awaitTurn}), learnt from
     * every attempt that passes through {@link #listener}. See {@link AdaptiveRateLimit} for the algorithm.
     * Thread-safe.
     */
    public static final class Pace {
        private final AdaptiveRateLimit rate = new AdaptiveRateLimit(System::nanoTime);
        private final ObjDoubleConsumer<String> onSlowDown;

        /** @param onSlowDown told the instance whose call was refused and the batch's new rate in calls per second */
        public Pace(ObjDoubleConsumer<String> onSlowDown) {
            this.onSlowDown = Objects.requireNonNull(onSlowDown, "onSlowDown");
        }

        /** Waits until a new call may start. @throws InterruptedException if the thread is interrupted meanwhile */
        public void awaitTurn() throws InterruptedException {
            long wait = rate.reserveStart() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        /** A listener for one call of {@code instanceId} that feeds this pace, then tells {@code next}. */
        public AttemptListener listener(String instanceId, AttemptListener next) {
            return new AttemptListener() {
                @Override
                public void onAttempt(AttemptRecord attempt) {
                    OptionalDouble slower = OptionalDouble.empty();
                    if (isRateLimited(attempt)) {
                        slower = rate.rateLimited();
                    } else if (attempt.httpStatus() != 0) {
                        rate.accepted();
                    }
                    next.onAttempt(attempt);
                    slower.ifPresent(r -> onSlowDown.accept(instanceId, r));
                }

                @Override
                public void onBackoff(int nextAttempt, Duration wait, String reason) {
                    rate.retryAnnounced();
                    next.onBackoff(nextAttempt, wait, reason);
                }
            };
        }
    }
}
