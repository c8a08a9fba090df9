package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch as the steps run it: {@link DowngradeProcedure#runAll}, the client built as in production, against the
 * fake server. The Jenkins side around it (credentials, recording on the build, build result) is covered by the
 * steps' integration tests.
 */
class DowngradeProcedureBatchTest {

    private static final String KEY_ID = "AKIDbatchsteps0001";
    private static final String KEY_PASSWORD = "Pw-batch-steps-8a7b6c-SECRET";
    private static final String CANCEL = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;
    private static final String READ = ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;

    private FakeZenlayerServer fake;
    private ShippedClient client;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, ZenlayerCall> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeZenlayerServer().start();
        fake.addAccessKey(KEY_ID, KEY_PASSWORD);
        client = ShippedClient.create();
    }

    @AfterEach
    void tearDown() {
        client.close();
        fake.close();
    }

    private List<String> instances(int count, boolean pending) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("bmc-batch-%03d", i);
            fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, pending);
            ids.add(id);
        }
        return ids;
    }

    /** Runs {@code procedure} for {@code ids} as the steps do, three at a time; calls land in {@link #calls}. */
    private List<ZenlayerCall> runAll(List<String> ids, DowngradeProcedure procedure, int maxAttempts)
            throws BatchRunner.Aborted {
        ZenlayerClientConfig config = ZenlayerClientConfig.builder()
                .endpoint(fake.endpoint())
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(20))
                .build();
        BatchRunner.Distinct distinct = BatchRunner.Distinct.of(ids);
        return procedure.runAll(
                distinct.instanceIds(),
                3,
                () -> client.client().service(ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD), config),
                ResultPolicy.Rules.DEFAULT,
                log::add,
                true,
                call -> calls.put(call.getInstanceId(), call));
    }

    private List<String> linesOf(String instanceId) {
        return log.stream()
                .filter(line -> line.startsWith(CallLog.PREFIX + "[" + instanceId + "] "))
                .toList();
    }

    @Test
    void everyInstanceIsCancelledOnceAndEveryLineNamesItsInstance() throws Exception {
        List<String> ids = instances(12, true);

        List<ZenlayerCall> result = runAll(ids, DowngradeProcedure.cancel(false), 1);

        assertThat(result.stream().map(ZenlayerCall::getInstanceId).toList(), is(ids));
        assertThat(fake.requestCount(CANCEL), is(12));
        for (String id : ids) {
            assertThat(fake.pendingDowngrade(id), is(false));
            assertThat(calls.get(id).getResult(), is("SUCCESS"));
            assertThat(calls.get(id).getRequestId(), startsWith("T"));
            List<String> lines = linesOf(id);
            assertThat(lines.size(), is(2));
            assertThat(lines.get(0), containsString("Attempt 1"));
            assertThat(lines.get(1), containsString(calls.get(id).getRequestId()));
        }
        assertThat(log.size(), is(24));
    }

    @Test
    void aPartialFailureGivesEachInstanceItsOwnResultAndTheFleetTheWorst() throws Exception {
        List<String> ids = new ArrayList<>(instances(3, true));
        ids.add(1, "bmc-batch-missing");
        fake.addInstance("bmc-batch-nothing", InternetChargeType.BY_BANDWIDTH, false);
        ids.add("bmc-batch-nothing");

        List<ZenlayerCall> result = runAll(ids, DowngradeProcedure.cancel(false), 1);

        assertThat(calls.get("bmc-batch-001").buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(calls.get("bmc-batch-missing").buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(calls.get("bmc-batch-missing").getCode(), is("INVALID_INSTANCE_NOT_FOUND"));
        assertThat(calls.get("bmc-batch-nothing").buildOutcome(), is(BuildOutcome.UNSTABLE));
        assertThat(StepRunner.worst(result), is(BuildOutcome.FAILURE));
        String failure = StepRunner.failureMessage(result, true);
        assertThat(failure, containsString("1 of 5"));
        assertThat(failure, containsString("bmc-batch-missing"));
        assertThat(failure, containsString("INVALID_INSTANCE_NOT_FOUND"));
        assertThat(StepRunner.unstableReason(result, true), containsString("bmc-batch-nothing"));
        Map<String, Object> map = StepRunner.stepResult(result, true, 0, null);
        assertThat(map.get("result"), is("FAILURE"));
        assertThat(map.get("succeeded"), is(3));
        assertThat(map.get("unstable"), is(1));
        assertThat(map.get("failed"), is(1));
        assertThat(
                ((List<?>) map.get("instances"))
                        .stream().map(m -> ((Map<?, ?>) m).get("instanceId")).toList(),
                is(ids));
    }

    @Test
    void duplicatesAreCancelledOnce() throws Exception {
        List<String> ids = instances(2, true);
        List<String> withDuplicates = List.of(ids.get(0), ids.get(1), " " + ids.get(0) + " ", ids.get(1));

        List<ZenlayerCall> result = runAll(withDuplicates, DowngradeProcedure.cancel(false), 1);

        assertThat(result.size(), is(2));
        assertThat(fake.requestCount(CANCEL), is(2));
        assertThat(
                CallLog.duplicate(
                        BatchRunner.Distinct.of(withDuplicates).duplicates().get(0)),
                containsString("position 3"));
    }

    @Test
    void aDryRunBatchReadsEveryInstanceAndCancelsNone() throws Exception {
        List<String> ids = instances(5, true);

        runAll(ids, DowngradeProcedure.dryRun(), 1);

        assertThat(fake.requestCount(CANCEL), is(0));
        assertThat(fake.requestCount(READ), is(5));
        for (String id : ids) {
            assertThat(fake.pendingDowngrade(id), is(true));
            assertThat(calls.get(id).isDryRun(), is(true));
            assertThat(linesOf(id), everyItem(containsString("[DRY RUN]")));
        }
    }

    @Test
    void aVerifiedBatchReadsEachInstanceAfterItsCancellation() throws Exception {
        List<String> ids = instances(4, true);

        runAll(ids, DowngradeProcedure.cancel(true), 1);

        assertThat(fake.requestCount(CANCEL), is(4));
        assertThat(fake.requestCount(READ), is(4));
        for (String id : ids) {
            assertThat(calls.get(id).getVerified(), is(Boolean.TRUE));
        }
    }

    @Test
    void aRateLimitStormSlowsTheBatchAndStillCancelsEveryInstanceExactlyOnce() throws Exception {
        List<String> ids = instances(8, true);
        fake.enqueueFault(Fault.rateLimited(), 5);

        runAll(ids, DowngradeProcedure.cancel(false), 4);

        assertThat(fake.exchanges().stream().filter(e -> e.status() == 429).count(), is(5L));
        assertThat(log, hasItem(containsString("calls slow down to")));
        int accepted = 0;
        for (FakeZenlayerServer.Exchange exchange : fake.exchanges()) {
            if (CANCEL.equals(exchange.action()) && exchange.code() == null) {
                accepted++;
            }
        }
        assertThat(accepted, is(8));
        for (String id : ids) {
            assertThat(calls.get(id).getResult(), is("SUCCESS"));
            assertThat(fake.pendingDowngrade(id), is(false));
        }
        assertThat(log, hasItem(containsString("REQUEST_LIMIT_EXCEEDED")));
    }

    @Test
    void aCallRefusedOnEveryAttemptByTheRateLimitIsCalledAgain() throws Exception {
        List<String> ids = instances(1, true);
        fake.enqueueFault(Fault.rateLimited(), 2);

        List<ZenlayerCall> result = runAll(ids, DowngradeProcedure.cancel(false), 2);

        assertThat(result.get(0).getResult(), is("SUCCESS"));
        assertThat(linesOf(ids.get(0)), hasItem(containsString("call 2")));
        assertThat(fake.requestCount(CANCEL), is(3));
        assertThat(fake.exchanges().stream().filter(e -> e.status() == 200).count(), is(1L));
        assertThat(fake.pendingDowngrade(ids.get(0)), is(false));
    }

    @Test
    void callsRefusedByTheRateLimitAreRepeatedAtMostMaxRoundsTimes() throws Exception {
        List<String> ids = instances(1, true);
        fake.enqueueFault(Fault.rateLimited(), BatchRunner.MAX_ROUNDS + 10);

        List<ZenlayerCall> result = runAll(ids, DowngradeProcedure.cancel(false), 1);

        assertThat(result.get(0).getCode(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(result.get(0).buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(fake.requestCount(CANCEL), is(BatchRunner.MAX_ROUNDS));
        assertThat(fake.pendingDowngrade(ids.get(0)), is(true));
    }

    @Test
    void aCallWhoseAnswerWasLostIsNeverRepeatedByTheBatch() throws Exception {
        List<String> ids = instances(1, true);
        // The first attempt is processed but its answer lost; the retries are refused by the rate limit.
        fake.enqueueFault(Fault.disconnectAfterProcessing()).enqueueFault(Fault.rateLimited(), 3);

        List<ZenlayerCall> result = runAll(ids, DowngradeProcedure.cancel(false), 4);

        assertThat(result.get(0).getCode(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(linesOf(ids.get(0)), hasItem(containsString("may already have been cancelled")));
        assertThat(fake.requestCount(CANCEL), is(4));
        assertThat(fake.pendingDowngrade(ids.get(0)), is(false));
    }

    @Test
    void anAbortedBatchRecordsOnlyTheInstancesThatFinishedAndSaysWhatBecameOfTheOthers() throws Exception {
        List<String> ids = instances(9, true);
        fake.latency(Duration.ofMillis(300), Duration.ofMillis(300));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                runAll(ids, DowngradeProcedure.cancel(false), 1);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        long start = System.nanoTime();
        caller.start();
        Thread.sleep(450);
        caller.interrupt();
        caller.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start), lessThan(Duration.ofSeconds(3)));
        BatchRunner.Aborted aborted = (BatchRunner.Aborted) thrown.get();
        assertThat(aborted.finished().size(), greaterThan(0));
        assertThat(aborted.notStarted().size(), greaterThan(0));
        assertThat(new ArrayList<>(calls.keySet()).stream().sorted().toList(), is(aborted.finished()));
        assertThat(
                CallLog.batchAborted(aborted.finished(), aborted.inFlight(), aborted.notStarted()),
                containsString("Never started"));
        assertThat(
                aborted.notStarted().stream()
                        .map(this::linesOf)
                        .flatMap(List::stream)
                        .toList(),
                empty());
    }

    @Test
    void anInstanceWhoseWorkFailsInsideThePluginIsAPluginErrorAndTheOthersGoOn() throws Exception {
        List<String> ids = instances(3, true);
        AtomicInteger services = new AtomicInteger();
        ZenlayerClientConfig config =
                ZenlayerClientConfig.builder().endpoint(fake.endpoint()).build();

        List<ZenlayerCall> result = DowngradeProcedure.cancel(false)
                .runAll(
                        ids,
                        2,
                        () -> {
                            if (services.incrementAndGet() == 2) {
                                throw new LinkageError("a class went missing");
                            }
                            return client.client().service(ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD), config);
                        },
                        ResultPolicy.Rules.DEFAULT,
                        log::add,
                        true,
                        call -> calls.put(call.getInstanceId(), call));

        assertThat(result.size(), is(3));
        assertThat(
                result.stream()
                        .filter(c -> ZenlayerErrorCodes.PLUGIN_ERROR.equals(c.getCode()))
                        .count(),
                is(1L));
        assertThat(calls.size(), is(3));
        assertThat(StepRunner.worst(result), is(BuildOutcome.FAILURE));
        assertThat(fake.requestCount(CANCEL), is(2));
        assertThat(log, hasItem(containsString("java.lang.LinkageError")));
        assertThat(log, not(hasItem(containsString("a class went missing"))));
    }
}
