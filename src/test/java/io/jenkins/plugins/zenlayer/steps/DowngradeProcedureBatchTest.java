package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.BatchResult;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.InstanceResult;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch as the steps run it: {@link BatchRunner} with {@link DowngradeProcedure#inBatch}, the client built as in
 * production, against the fake server. The Jenkins side around it (credentials, recording, build result) is covered
 * by the steps' integration tests.
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

    private BatchRunner runner(List<String> ids, DowngradeProcedure procedure, int maxAttempts) {
        ZenlayerClientConfig config = ZenlayerClientConfig.builder()
                .endpoint(fake.endpoint())
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(20))
                .build();
        return new BatchRunner(
                ids,
                3,
                () -> client.client().service(ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD), config),
                procedure.inBatch(ResultPolicy.Rules.DEFAULT, log::add, calls));
    }

    private List<String> linesOf(String instanceId) {
        return log.stream()
                .filter(line -> line.startsWith(CallLog.PREFIX + "[" + instanceId + "] "))
                .toList();
    }

    @Test
    void everyInstanceIsCancelledOnceAndEveryLineNamesItsInstance() throws Exception {
        List<String> ids = instances(12, true);

        BatchResult result = runner(ids, DowngradeProcedure.cancel(false), 1).run(null);

        assertThat(result.results().stream().map(InstanceResult::instanceId).toList(), is(ids));
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
    void aPartialFailureGivesEachInstanceItsOwnResult() throws Exception {
        List<String> ids = new ArrayList<>(instances(3, true));
        ids.add(1, "bmc-batch-missing");
        fake.addInstance("bmc-batch-nothing", InternetChargeType.BY_BANDWIDTH, false);
        ids.add("bmc-batch-nothing");

        runner(ids, DowngradeProcedure.cancel(false), 1).run(null);

        assertThat(calls.get("bmc-batch-001").buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(calls.get("bmc-batch-missing").buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(calls.get("bmc-batch-missing").getCode(), is("INVALID_INSTANCE_NOT_FOUND"));
        assertThat(calls.get("bmc-batch-nothing").buildOutcome(), is(BuildOutcome.UNSTABLE));
        List<BatchReport.Entry> entries = ids.stream()
                .map(id -> new BatchReport.Entry(id, calls.get(id), null))
                .toList();
        BatchReport report = new BatchReport(entries, 0);
        assertThat(report.buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(report.instancesWith(BuildOutcome.FAILURE), contains("bmc-batch-missing"));
        assertThat(report.failureMessage(), containsString("bmc-batch-missing"));
        assertThat(report.failureMessage(), containsString("INVALID_INSTANCE_NOT_FOUND"));
    }

    @Test
    void duplicatesAreCancelledOnce() throws Exception {
        List<String> ids = instances(2, true);
        List<String> withDuplicates = List.of(ids.get(0), ids.get(1), " " + ids.get(0) + " ", ids.get(1));

        BatchResult result =
                runner(withDuplicates, DowngradeProcedure.cancel(false), 1).run(null);

        assertThat(result.results().size(), is(2));
        assertThat(result.duplicates().size(), is(2));
        assertThat(fake.requestCount(CANCEL), is(2));
        assertThat(CallLog.duplicate(result.duplicates().get(0)), containsString("position 3"));
    }

    @Test
    void aDryRunBatchReadsEveryInstanceAndCancelsNone() throws Exception {
        List<String> ids = instances(5, true);

        runner(ids, DowngradeProcedure.dryRun(), 1).run(null);

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

        runner(ids, DowngradeProcedure.cancel(true), 1).run(null);

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

        BatchResult result = runner(ids, DowngradeProcedure.cancel(false), 4).run(null);

        assertThat(result.rateLimitedAnswers(), is(5));
        assertThat(result.slowDowns(), greaterThan(0));
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
    void anAbortedBatchRecordsOnlyTheInstancesThatFinished() throws Exception {
        List<String> ids = instances(9, true);
        fake.latency(Duration.ofMillis(300), Duration.ofMillis(300));
        BatchRunner runner = runner(ids, DowngradeProcedure.cancel(false), 1);
        Thread abort = new Thread(() -> {
            try {
                Thread.sleep(450);
            } catch (InterruptedException e) {
                return;
            }
            runner.cancel();
        });
        abort.start();

        long start = System.nanoTime();
        BatchResult result = runner.run(null);
        abort.join();

        assertThat(result.aborted(), is(true));
        assertThat(Duration.ofNanos(System.nanoTime() - start), lessThan(Duration.ofSeconds(3)));
        List<String> finished = result.inState(InstanceResult.State.FINISHED).stream()
                .map(InstanceResult::instanceId)
                .toList();
        assertThat(finished.size(), greaterThan(0));
        assertThat(result.count(InstanceResult.State.NOT_STARTED), greaterThan(0));
        assertThat(new ArrayList<>(calls.keySet()).stream().sorted().toList(), is(finished));
        assertThat(CallLog.batchAborted(result), containsString("Never started"));
        assertThat(
                IntStream.range(0, ids.size())
                        .filter(i -> result.results().get(i).state() == InstanceResult.State.NOT_STARTED)
                        .mapToObj(i -> linesOf(ids.get(i)))
                        .flatMap(List::stream)
                        .toList(),
                empty());
    }
}
