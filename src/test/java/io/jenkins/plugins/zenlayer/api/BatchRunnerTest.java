package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.InstanceResult.State;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch engine against the fake Zenlayer server, through the client as the plugin builds it ({@link ShippedClient},
 * real backoff) or through the fixture's client whose backoff does not sleep.
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

    /** Services as production makes them: the shipped client, real backoff. */
    private ZenlayerService shippedService() {
        return shippedService(fx.config().build());
    }

    private ZenlayerService shippedService(ZenlayerClientConfig config) {
        return shipped.client().service(ZenlayerAuth.accessKey(Fixture.KEY_ID, Fixture.KEY_PASSWORD), config);
    }

    private BatchRunner runner(List<String> ids, int concurrency) {
        return new BatchRunner(ids, concurrency, this::shippedService, InstanceAction.CANCEL_BANDWIDTH_DOWNGRADE);
    }

    /** Cancel requests the fake accepted (not refused by its rate limit), per instance id. */
    private Map<String, Long> acceptedCancelsPerInstance() {
        return fx.fake.exchanges().stream()
                .filter(e -> CANCEL.equals(e.action()) && !FakeZenlayerServer.RATE_LIMIT.equals(e.fault()))
                .collect(Collectors.groupingBy(BatchRunnerTest::instanceIdSent, Collectors.counting()));
    }

    private static String instanceIdSent(Exchange e) {
        String body = e.body();
        return body.substring(body.indexOf(":\"") + 2, body.lastIndexOf('"'));
    }

    private static List<String> ids(BatchResult result) {
        return result.results().stream().map(InstanceResult::instanceId).toList();
    }

    /** Records everything the batch reports. */
    private static final class Recorder implements BatchListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<InstanceResult> results = new CopyOnWriteArrayList<>();
        final List<Double> slowDowns = new CopyOnWriteArrayList<>();
        final AtomicInteger concurrentEvents = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        private void event(String line) {
            if (concurrentEvents.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.onSpinWait();
                lines.add(line);
            } finally {
                concurrentEvents.decrementAndGet();
            }
        }

        @Override
        public void onStart(String instanceId, int round) {
            event(instanceId + " start " + round);
        }

        @Override
        public void onAttempt(String instanceId, AttemptRecord attempt) {
            event(instanceId + " attempt " + attempt.number() + " " + attempt.httpStatus());
        }

        @Override
        public void onBackoff(String instanceId, int nextAttempt, Duration wait, String reason) {
            event(instanceId + " backoff " + nextAttempt);
        }

        @Override
        public void onSlowDown(String instanceId, double callsPerSecond) {
            slowDowns.add(callsPerSecond);
            event(instanceId + " slow down");
        }

        @Override
        public void onResult(InstanceResult result) {
            results.add(result);
            event(result.instanceId() + " result " + result.state());
        }
    }

    @Test
    void everyInstanceIsCalledOnceAndResultsComeInInputOrder() {
        // Answers take 5 to 40 ms, so calls finish out of order.
        fx.fake.latency(Duration.ofMillis(5), Duration.ofMillis(40));
        List<String> ids = instances("bmc-i-order-", 16);
        Recorder recorder = new Recorder();

        BatchResult result = runner(ids, 4).run(recorder);

        assertThat(ids(result), is(ids));
        assertThat(result.allSucceeded(), is(true));
        assertThat(result.aborted(), is(false));
        assertThat(result.duplicates(), empty());
        assertThat(result.workers(), is(4));
        assertThat(result.attempts(), is(16));
        for (int i = 0; i < ids.size(); i++) {
            InstanceResult r = result.results().get(i);
            assertThat(r.position(), is(i));
            assertThat(r.state(), is(State.FINISHED));
            assertThat(r.calls(), is(1));
            assertThat(r.outcome().instanceId(), is(ids.get(i)));
            assertThat(fx.fake.pendingDowngrade(ids.get(i)), is(false));
        }
        assertThat(fx.fake.requestCount(CANCEL), is(16));
        assertThat(acceptedCancelsPerInstance().values(), everyItem(is(1L)));
        // The listener heard of every instance once, with its id, one event at a time.
        assertThat(recorder.results.size(), is(16));
        assertThat(
                recorder.lines.stream()
                        .filter(l -> l.endsWith(" attempt 1 200"))
                        .count(),
                is(16L));
        assertThat(recorder.overlaps.get(), is(0));
        assertThat(result.rateLimitedAnswers(), is(0));
        assertThat(result.slowDowns(), is(0));
    }

    @Test
    void partialFailureStillGivesEveryInstanceItsOwnResult() {
        fx.fake
                .addInstance("bmc-i-ok-1", InternetChargeType.BY_BANDWIDTH, true)
                .addInstance("bmc-i-traffic", InternetChargeType.BY_TRAFFIC_PACKAGE, true)
                .addInstance("bmc-i-none-pending", InternetChargeType.BY_BANDWIDTH, false)
                .addInstance("bmc-i-ok-2", InternetChargeType.BY_BANDWIDTH, true);
        List<String> ids = List.of("bmc-i-ok-1", "bmc-i-traffic", "bmc-i-missing", "bmc-i-none-pending", "bmc-i-ok-2");

        BatchResult result = runner(ids, 3).run(null);

        assertThat(ids(result), is(ids));
        assertThat(result.results().stream().map(InstanceResult::state).toList(), everyItem(is(State.FINISHED)));
        List<String> codes = result.results().stream()
                .map(r -> String.valueOf(r.outcome().code()))
                .toList();
        assertThat(
                codes,
                contains(
                        "null",
                        ZenlayerErrorCodes.OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT,
                        ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND,
                        ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST,
                        "null"));
        assertThat(result.succeeded(), is(2));
        assertThat(result.allSucceeded(), is(false));
        assertThat(fx.fake.requestCount(CANCEL), is(5));
    }

    @Test
    void anActionThatThrowsEndsItsInstanceInErrorAndTheOthersGoOn() {
        List<String> ids = new ArrayList<>(instances("bmc-i-err-", 3));
        ids.add(1, "${INSTANCE_ID}");

        BatchResult result = runner(ids, 2).run(null);

        assertThat(ids(result), contains("bmc-i-err-0", "${INSTANCE_ID}", "bmc-i-err-1", "bmc-i-err-2"));
        InstanceResult invalid = result.results().get(1);
        assertThat(invalid.state(), is(State.ERROR));
        assertThat(invalid.error(), instanceOf(InvalidRequestException.class));
        assertThat(((InvalidRequestException) invalid.error()).problem(), is(InstanceIdProblem.UNEXPANDED_VARIABLE));
        assertThat(invalid.outcome(), nullValue());
        assertThat(result.succeeded(), is(3));
        assertThat(fx.fake.requestCount(CANCEL), is(3));
    }

    @Test
    void aFailingServiceSupplierEndsThatInstanceInErrorAndTheOthersGoOn() {
        List<String> ids = instances("bmc-i-supplier-", 4);
        AtomicInteger supplied = new AtomicInteger();
        BatchRunner runner = new BatchRunner(
                ids,
                1,
                () -> {
                    if (supplied.incrementAndGet() == 2) {
                        throw new IllegalStateException("no credentials");
                    }
                    return shippedService();
                },
                InstanceAction.CANCEL_BANDWIDTH_DOWNGRADE);

        BatchResult result = runner.run(null);

        assertThat(
                result.results().stream().map(InstanceResult::state).toList(),
                contains(State.FINISHED, State.ERROR, State.FINISHED, State.FINISHED));
        assertThat(result.results().get(1).error().getMessage(), is("no credentials"));
        assertThat(result.succeeded(), is(3));
        assertThat(fx.fake.requestCount(CANCEL), is(3));
        assertThat(fx.fake.pendingDowngrade("bmc-i-supplier-1"), is(true));
    }

    @Test
    void duplicatesAreCalledOnceAtTheirFirstPositionAndReported() {
        instances("bmc-i-dup-", 3);
        List<String> input = List.of("bmc-i-dup-0", "bmc-i-dup-1", "  bmc-i-dup-0\t", "bmc-i-dup-2", "bmc-i-dup-1");
        BatchRunner runner = runner(input, 4);

        assertThat(runner.instanceIds(), contains("bmc-i-dup-0", "bmc-i-dup-1", "bmc-i-dup-2"));
        BatchResult result = runner.run(null);

        assertThat(ids(result), contains("bmc-i-dup-0", "bmc-i-dup-1", "bmc-i-dup-2"));
        assertThat(result.results().stream().map(InstanceResult::position).toList(), contains(0, 1, 3));
        assertThat(
                result.duplicates(),
                contains(
                        new BatchResult.Duplicate(2, "bmc-i-dup-0", 0),
                        new BatchResult.Duplicate(4, "bmc-i-dup-1", 1)));
        assertThat(result.allSucceeded(), is(true));
        assertThat(fx.fake.requestCount(CANCEL), is(3));
        assertThat(acceptedCancelsPerInstance().values(), everyItem(is(1L)));
    }

    @Test
    void concurrencyAtTheServerNeverExceedsTheLimit() {
        fx.fake.latency(Duration.ofMillis(30), Duration.ofMillis(50));
        List<String> ids = instances("bmc-i-conc-", 24);

        BatchResult result = runner(ids, 3).run(null);

        assertThat(result.allSucceeded(), is(true));
        assertThat(result.workers(), is(3));
        assertThat(fx.fake.peakConcurrentRequests(), lessThanOrEqualTo(3));
        assertThat(result.peakCallsInFlight(), lessThanOrEqualTo(3));
        // And the batch did run calls side by side.
        assertThat(fx.fake.peakConcurrentRequests(), greaterThanOrEqualTo(2));
    }

    @Test
    void theMaximumConcurrencyIsThePerHostLimitOfTheClientAsShipped() {
        assertThat(shipped.base().dispatcher().getMaxRequestsPerHost(), is(BatchRunner.MAX_CONCURRENCY));
        assertThat(BatchRunner.DEFAULT_CONCURRENCY, lessThanOrEqualTo(BatchRunner.MAX_CONCURRENCY));
    }

    @Test
    void fewerInstancesThanTheConcurrencyStartOnlyAsManyWorkers() {
        List<String> ids = instances("bmc-i-few-", 2);
        BatchResult result = runner(ids, 5).run(null);
        assertThat(result.workers(), is(2));
        assertThat(result.allSucceeded(), is(true));

        BatchResult empty = runner(List.of(), 4).run(null);
        assertThat(empty.results(), empty());
        assertThat(empty.workers(), is(0));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> runner(List.of("a"), 0));
        assertThrows(IllegalArgumentException.class, () -> runner(List.of("a"), BatchRunner.MAX_CONCURRENCY + 1));
        List<String> tooMany = IntStream.rangeClosed(0, BatchRunner.MAX_INSTANCES)
                .mapToObj(i -> "bmc-i-" + i)
                .toList();
        assertThrows(IllegalArgumentException.class, () -> runner(tooMany, 4));
        // Duplicates do not count against the maximum.
        List<String> repeated = new ArrayList<>(tooMany.subList(0, BatchRunner.MAX_INSTANCES));
        repeated.add("bmc-i-0");
        assertThat(runner(repeated, 4).instanceIds().size(), is(BatchRunner.MAX_INSTANCES));
    }

    @Test
    void aRunnerRunsOnce() {
        BatchRunner runner = runner(instances("bmc-i-once-", 1), 1);
        runner.run(null);
        assertThrows(IllegalStateException.class, () -> runner.run(null));
        assertThat(fx.fake.requestCount(CANCEL), is(1));
    }

    @Test
    void abortMidBatchCancelsTheCallsInFlightWithinASecondAndStartsNoOther() throws Exception {
        // Every answer takes 2 s: the first four calls are in flight when the batch is aborted.
        fx.fake.latency(Duration.ofSeconds(2), Duration.ofSeconds(2));
        List<String> ids = instances("bmc-i-abort-", 12);
        BatchRunner runner = runner(ids, 4);
        Recorder recorder = new Recorder();
        CompletableFuture<BatchResult> running = CompletableFuture.supplyAsync(() -> runner.run(recorder));
        assertThat(fx.fake.awaitRequestCount(4, Duration.ofSeconds(10)), is(true));

        long cancelledAt = System.nanoTime();
        runner.cancel();
        BatchResult result = running.get(10, TimeUnit.SECONDS);
        Duration abortTook = Duration.ofNanos(System.nanoTime() - cancelledAt);

        assertThat(abortTook, lessThan(Duration.ofSeconds(1)));
        assertThat(result.aborted(), is(true));
        assertThat(runner.isCancelled(), is(true));
        assertThat(ids(result), is(ids));
        assertThat(result.count(State.CANCELLED), is(4));
        assertThat(result.count(State.NOT_STARTED), is(8));
        assertThat(result.count(State.FINISHED), is(0));
        // Exactly once: each cancelled instance was sent once, a never-started one never.
        Map<String, Long> sent = acceptedCancelsPerInstance();
        for (InstanceResult r : result.results()) {
            long expected = r.state() == State.CANCELLED ? 1 : 0;
            assertThat(r.instanceId(), sent.getOrDefault(r.instanceId(), 0L), is(expected));
            assertThat(r.calls(), is((int) expected));
        }
        assertThat(fx.fake.requestCount(CANCEL), is(4));
        // Cancelled and never-started instances are not reported as results on the way.
        assertThat(recorder.results, empty());
    }

    @Test
    void anInterruptOfTheWaitingThreadAbortsLikeCancel() throws Exception {
        fx.fake.latency(Duration.ofSeconds(2), Duration.ofSeconds(2));
        List<String> ids = instances("bmc-i-intr-", 6);
        BatchRunner runner = runner(ids, 2);
        AtomicReference<BatchResult> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(runner.run(null));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(fx.fake.awaitRequestCount(2, Duration.ofSeconds(10)), is(true));

        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive(), is(false));
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt), lessThan(Duration.ofSeconds(1)));
        assertThat(interruptedAfter.get(), is(true));
        assertThat(result.get().aborted(), is(true));
        assertThat(result.get().count(State.CANCELLED), is(2));
        assertThat(result.get().count(State.NOT_STARTED), is(4));
        assertThat(fx.fake.requestCount(CANCEL), is(2));
    }

    @Test
    void cancelBeforeRunStartsNothing() {
        List<String> ids = instances("bmc-i-early-", 3);
        BatchRunner runner = runner(ids, 2);
        runner.cancel();

        BatchResult result = runner.run(null);

        assertThat(result.aborted(), is(true));
        assertThat(result.count(State.NOT_STARTED), is(3));
        assertThat(fx.fake.requestCount(), is(0));
    }

    @Test
    void aRateLimitStormSlowsTheWholeBatchWhichRecoversAndCancelsEveryInstanceOnce() {
        // 10 requests per second; unpaced, four workers would send about 200 per second.
        fx.fake.rateLimit(10).latency(Duration.ofMillis(5), Duration.ofMillis(15));
        List<String> ids = instances("bmc-i-storm-", 30);
        BatchRunner runner = runner(ids, 4);
        Recorder recorder = new Recorder();

        BatchResult result = runner.run(recorder);

        assertThat(fx.fake.rateLimitedCount(), greaterThan(0));
        assertThat(result.rateLimitedAnswers(), is(fx.fake.rateLimitedCount()));
        // The batch slowed down below the server's limit, then sped up again.
        assertThat(result.slowDowns(), greaterThanOrEqualTo(1));
        assertThat(recorder.slowDowns.size(), is(result.slowDowns()));
        assertThat(result.lowestRate(), lessThan(10.0));
        assertThat(runner.currentRate(), greaterThan(result.lowestRate()));
        // Every instance was cancelled, by exactly one accepted request.
        assertThat(ids(result), is(ids));
        assertThat(result.allSucceeded(), is(true));
        Map<String, Long> accepted = acceptedCancelsPerInstance();
        assertThat(accepted.keySet().size(), is(30));
        assertThat(accepted.values(), everyItem(is(1L)));
        for (String id : ids) {
            assertThat(fx.fake.pendingDowngrade(id), is(false));
        }
        assertThat(result.attempts(), is(fx.fake.requestCount(CANCEL)));
    }

    /** The fixture's client, which does not sleep between attempts, with {@code attempts} attempts per call. */
    private ZenlayerService quickService(int attempts) {
        return fx.service(fx.config().maxAttempts(attempts).build());
    }

    @Test
    void aCallRefusedOnEveryAttemptByTheRateLimitIsCalledAgain() {
        List<String> ids = instances("bmc-i-round-", 1);
        fx.fake.enqueueFault(Fault.rateLimited(), 2);
        Recorder recorder = new Recorder();

        BatchResult result =
                new BatchRunner(ids, 1, () -> quickService(2), InstanceAction.CANCEL_BANDWIDTH_DOWNGRADE).run(recorder);

        InstanceResult only = result.results().get(0);
        assertThat(only.calls(), is(2));
        assertThat(only.succeeded(), is(true));
        assertThat(only.outcome().attempts().size(), is(1));
        assertThat(recorder.lines, hasItem("bmc-i-round-0 start 2"));
        assertThat(fx.fake.requestCount(CANCEL), is(3));
        assertThat(acceptedCancelsPerInstance().get("bmc-i-round-0"), is(3L));
        assertThat(fx.fake.exchanges().stream().filter(e -> e.status() == 200).count(), is(1L));
    }

    @Test
    void callsRefusedByTheRateLimitAreRepeatedAtMostMaxRoundsTimes() {
        List<String> ids = instances("bmc-i-rounds-", 1);
        fx.fake.enqueueFault(Fault.rateLimited(), BatchRunner.MAX_ROUNDS + 10);

        BatchResult result =
                new BatchRunner(ids, 1, () -> quickService(1), InstanceAction.CANCEL_BANDWIDTH_DOWNGRADE).run(null);

        InstanceResult only = result.results().get(0);
        assertThat(only.state(), is(State.FINISHED));
        assertThat(only.calls(), is(BatchRunner.MAX_ROUNDS));
        assertThat(only.succeeded(), is(false));
        assertThat(only.outcome().code(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(fx.fake.requestCount(CANCEL), is(BatchRunner.MAX_ROUNDS));
        assertThat(fx.fake.pendingDowngrade("bmc-i-rounds-0"), is(true));
    }

    @Test
    void aCallWhoseAnswerWasLostIsNeverRepeatedByTheBatch() {
        List<String> ids = instances("bmc-i-lost-", 1);
        // The first attempt is processed but its answer lost; the retries are refused by the rate limit.
        fx.fake.enqueueFault(Fault.disconnectAfterProcessing()).enqueueFault(Fault.rateLimited(), 3);

        BatchResult result = new BatchRunner(ids, 1, fx::service, InstanceAction.CANCEL_BANDWIDTH_DOWNGRADE).run(null);

        InstanceResult only = result.results().get(0);
        assertThat(only.calls(), is(1));
        assertThat(only.outcome().lostAnswer(), is(CallOutcome.LostAnswer.MAY_HAVE_TAKEN_EFFECT));
        assertThat(fx.fake.requestCount(CANCEL), is(4));
        assertThat(fx.fake.pendingDowngrade("bmc-i-lost-0"), is(false));
    }

    @Test
    void aFailingListenerChangesNothing() {
        List<String> ids = instances("bmc-i-listener-", 4);
        BatchListener broken = new BatchListener() {
            @Override
            public void onAttempt(String instanceId, AttemptRecord attempt) {
                throw new IllegalStateException("log closed");
            }

            @Override
            public void onResult(InstanceResult result) {
                throw new IllegalStateException("log closed");
            }
        };

        BatchResult result = runner(ids, 2).run(broken);

        assertThat(result.allSucceeded(), is(true));
        assertThat(fx.fake.requestCount(CANCEL), is(4));
    }

    @Test
    void workerThreadsAreNamedDaemonsThatEndWithTheBatch() throws Exception {
        List<String> ids = instances("bmc-i-threads-", 6);
        List<Thread> seen = new CopyOnWriteArrayList<>();
        InstanceAction recordingThread = (service, id, listener) -> {
            seen.add(Thread.currentThread());
            return service.cancelInstanceBandwidthDowngrade(id, listener);
        };

        BatchResult result = new BatchRunner(ids, 3, this::shippedService, recordingThread).run(null);

        assertThat(result.allSucceeded(), is(true));
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
