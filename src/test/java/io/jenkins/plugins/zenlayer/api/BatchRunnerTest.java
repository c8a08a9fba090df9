package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch engine against the fake Zenlayer server, each instance's work a cancellation through the client as the
 * plugin builds it ({@link ShippedClient}, real backoff). What the steps do around it (rounds after the rate limit,
 * log lines, results) is covered by {@code DowngradeProcedureBatchTest}.
 */
class BatchRunnerTest {

    private static final String CANCEL = FakeZenlayerServer.CANCEL_ACTION;

    private Fixture fx;
    private ShippedClient shipped;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
        shipped = ShippedClient.create();
    }

    @AfterEach
    void tearDown() {
        shipped.close();
        fx.close();
    }

    private List<String> instances(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            fx.fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, true);
            ids.add(id);
        }
        return ids;
    }

    private ZenlayerService shippedService() {
        return shipped.client()
                .service(
                        ZenlayerAuth.accessKey(Fixture.KEY_ID, Fixture.KEY_PASSWORD),
                        fx.config().build());
    }

    /** Cancels each instance once, paced, and returns its outcome. */
    private final BatchRunner.Work<CallOutcome> cancel = (id, pace) -> {
        pace.awaitTurn();
        return shippedService().cancelInstanceBandwidthDowngrade(id, pace.listener(id, AttemptListener.NONE));
    };

    private static final java.util.function.BiFunction<String, Throwable, CallOutcome> NO_ERRORS = (id, e) -> {
        throw new AssertionError("unexpected failure of " + id, e);
    };

    private List<CallOutcome> run(List<String> ids, int concurrency) throws InterruptedException {
        return BatchRunner.run(ids, concurrency, new BatchRunner.Pace((id, rate) -> {}), cancel, NO_ERRORS);
    }

    @Test
    void everyInstanceIsCalledOnceAndResultsComeInInputOrder() throws Exception {
        fx.fake.latency(Duration.ofMillis(5), Duration.ofMillis(40));
        List<String> ids = instances("bmc-i-order-", 10);

        List<CallOutcome> outcomes = run(ids, 4);

        assertThat(outcomes.stream().map(CallOutcome::instanceId).toList(), is(ids));
        assertThat(outcomes.stream().allMatch(CallOutcome::success), is(true));
        assertThat(fx.fake.requestCount(CANCEL), is(10));
    }

    @Test
    void workThatThrowsEndsOnlyItsOwnInstanceWithTheErrorResultAnErrorIncluded() throws Exception {
        List<String> ids = instances("bmc-i-err-", 4);
        BatchRunner.Work<String> work = (id, pace) -> {
            if (id.endsWith("1")) {
                throw new IllegalStateException("broken");
            }
            if (id.endsWith("2")) {
                throw new StackOverflowError("deep");
            }
            return cancel.run(id, pace).success() ? "ok " + id : "failed " + id;
        };

        List<String> results = BatchRunner.run(
                ids,
                2,
                new BatchRunner.Pace((id, rate) -> {}),
                work,
                (id, e) -> "error " + id + ": " + e.getClass().getSimpleName());

        assertThat(
                results,
                contains(
                        "ok bmc-i-err-0",
                        "error bmc-i-err-1: IllegalStateException",
                        "error bmc-i-err-2: StackOverflowError",
                        "ok bmc-i-err-3"));
        assertThat(fx.fake.requestCount(CANCEL), is(2));
    }

    @Test
    void distinctKeepsTheFirstOccurrenceOfEachInstanceAndReportsTheOthers() {
        BatchRunner.Distinct distinct = BatchRunner.Distinct.of(List.of("i-1", "i-2", " i-1 ", "i-3", "i-2"));

        assertThat(distinct.instanceIds(), contains("i-1", "i-2", "i-3"));
        assertThat(
                distinct.duplicates(),
                contains(new BatchRunner.Duplicate(2, "i-1", 0), new BatchRunner.Duplicate(4, "i-2", 1)));
    }

    @Test
    void concurrencyAtTheServerNeverExceedsTheLimit() throws Exception {
        fx.fake.latency(Duration.ofMillis(30), Duration.ofMillis(50));
        List<String> ids = instances("bmc-i-conc-", 24);

        List<CallOutcome> outcomes = run(ids, 3);

        assertThat(outcomes.stream().allMatch(CallOutcome::success), is(true));
        assertThat(fx.fake.peakConcurrentRequests(), lessThanOrEqualTo(3));
        // And the batch did run calls side by side.
        assertThat(fx.fake.peakConcurrentRequests(), greaterThanOrEqualTo(2));
    }

    @Test
    void theMaximumConcurrencyIsThePerHostLimitOfTheClientAsShipped() {
        assertThat(shipped.base().dispatcher().getMaxRequestsPerHost(), is(BatchRunner.MAX_CONCURRENCY));
        assertThat(BatchRunner.DEFAULT_CONCURRENCY, lessThanOrEqualTo(BatchRunner.MAX_CONCURRENCY));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(List.of("a"), 0));
        assertThrows(IllegalArgumentException.class, () -> run(List.of("a"), BatchRunner.MAX_CONCURRENCY + 1));
        List<String> tooMany = IntStream.rangeClosed(0, BatchRunner.MAX_INSTANCES)
                .mapToObj(i -> "bmc-i-" + i)
                .toList();
        assertThrows(IllegalArgumentException.class, () -> run(tooMany, 4));
        assertThat(fx.fake.requestCount(), is(0));
    }

    @Test
    void anInterruptAbortsTheCallsInFlightWithinASecondStartsNoOtherAndSaysWhatBecameOfEach() throws Exception {
        // Every answer takes 2 s: the first four calls are in flight when the batch is aborted.
        fx.fake.latency(Duration.ofSeconds(2), Duration.ofSeconds(2));
        List<String> ids = instances("bmc-i-abort-", 12);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                run(ids, 4);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertThat(fx.fake.awaitRequestCount(4, Duration.ofSeconds(10)), is(true));

        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive(), is(false));
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt), lessThan(Duration.ofSeconds(1)));
        BatchRunner.Aborted aborted = (BatchRunner.Aborted) thrown.get();
        assertThat(aborted.finished(), empty());
        assertThat(aborted.inFlight(), is(ids.subList(0, 4)));
        assertThat(aborted.notStarted(), is(ids.subList(4, 12)));
        Thread.sleep(300);
        assertThat(fx.fake.requestCount(CANCEL), is(4));
    }

    @Test
    void oneSharedPaceSlowsTheWholeBatchDownOnARateLimit() throws Exception {
        // 10 requests per second; unpaced, four workers would send about 200 per second.
        fx.fake.rateLimit(10).latency(Duration.ofMillis(5), Duration.ofMillis(15));
        List<String> ids = instances("bmc-i-storm-", 30);
        List<Double> rates = new CopyOnWriteArrayList<>();

        List<CallOutcome> outcomes =
                BatchRunner.run(ids, 4, new BatchRunner.Pace((id, rate) -> rates.add(rate)), cancel, NO_ERRORS);

        assertThat(fx.fake.rateLimitedCount(), greaterThan(0));
        assertThat(rates.size(), greaterThanOrEqualTo(1));
        assertThat(rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), lessThan(10.0));
        // Retries inside each call (1 s, 2 s, 4 s) recovered every refused call at the slower pace.
        assertThat(outcomes.stream().allMatch(CallOutcome::success), is(true));
        for (String id : ids) {
            assertThat(fx.fake.pendingDowngrade(id), is(false));
        }
    }

    @Test
    void workerThreadsAreNamedDaemonsThatEndWithTheBatch() throws Exception {
        List<String> ids = instances("bmc-i-threads-", 6);
        List<Thread> seen = new CopyOnWriteArrayList<>();

        BatchRunner.run(
                ids,
                3,
                new BatchRunner.Pace((id, rate) -> {}),
                (id, pace) -> {
                    seen.add(Thread.currentThread());
                    return cancel.run(id, pace);
                },
                NO_ERRORS);

        assertThat(seen.size(), is(6));
        assertThat(seen.stream().map(Thread::getName).toList(), everyItem(startsWith("Zenlayer batch ")));
        assertThat(seen.stream().allMatch(Thread::isDaemon), is(true));
        assertThat(seen.stream().distinct().count(), lessThanOrEqualTo(3L));
        for (Thread t : seen) {
            t.join(5_000);
            assertThat(t.getName(), t.isAlive(), is(false));
        }
    }
}
