package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status read, the dry run and verification, run by the real client against the fake server. */
class DowngradeProcedureTest {

    private static final String KEY_ID = "AKIDprocedure0001";
    private static final String KEY_PASSWORD = "Pw-procedure-5e4d3c-SECRET";
    private static final String INSTANCE = "bmc-proc-0001";
    private static final String READ = ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;
    private static final String CANCEL = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;

    private FakeZenlayerServer fake;
    private ShippedClient client;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeZenlayerServer().start();
        fake.addAccessKey(KEY_ID, KEY_PASSWORD).addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        client = ShippedClient.create();
    }

    @AfterEach
    void tearDown() {
        client.close();
        fake.close();
    }

    private ZenlayerService service(int maxAttempts) {
        return client.client()
                .service(
                        ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD),
                        ZenlayerClientConfig.builder()
                                .endpoint(fake.endpoint())
                                .maxAttempts(maxAttempts)
                                .initialBackoff(Duration.ofMillis(5))
                                .build());
    }

    private ZenlayerCall run(DowngradeProcedure procedure, ResultPolicy.Rules rules) throws Exception {
        return runOne(procedure, service(1), INSTANCE, rules);
    }

    /** One instance, as the steps run it: a batch of one, its lines to {@link #log}. */
    private ZenlayerCall runOne(
            DowngradeProcedure procedure, ZenlayerService service, String instanceId, ResultPolicy.Rules rules)
            throws Exception {
        return procedure
                .runAll(List.of(instanceId), 1, () -> service, rules, log::add, false, call -> {})
                .get(0);
    }

    private ZenlayerCall run(DowngradeProcedure procedure) throws Exception {
        return run(procedure, ResultPolicy.Rules.DEFAULT);
    }

    private String requestIdOf(int exchange) {
        return fake.exchanges().get(exchange).requestId();
    }

    /** Passes the next request through untouched, so that a fault queued after it hits the one after. */
    private static Fault untouched() {
        return Fault.delay(Duration.ZERO);
    }

    @Test
    void theStatusReadReportsAPendingDowngradeAndChangesNothing() throws Exception {
        ZenlayerCall call = run(DowngradeProcedure.status());

        String requestId = requestIdOf(0);
        assertThat(fake.requestCount(READ), is(1));
        assertThat(fake.requestCount(CANCEL), is(0));
        assertThat(fake.pendingDowngrade(INSTANCE), is(true));
        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.getAction(), is(READ));
        assertThat(call.purpose(), is(ZenlayerCall.Purpose.STATUS));
        Map<String, Object> map = call.toStepResult();
        assertThat(map.get("instanceId"), is(INSTANCE));
        assertThat(map.get("instanceName"), is("fake-" + INSTANCE));
        assertThat(map.get("currentBandwidthMbps"), is(100));
        assertThat(map.get("targetBandwidthMbps"), is(50));
        assertThat(map.get("status"), is("WaitToEnable"));
        assertThat(map.get("downgradePending"), is(true));
        assertThat(map.get("requestId"), is(requestId));
        assertThat(map.containsKey("dryRun"), is(false));
        String last = log.get(log.size() - 1);
        assertThat(last, startsWith(CallLog.PREFIX));
        assertThat(last, containsString(requestId));
        assertThat(last, containsString("100 Mbps now, target 50 Mbps, status WaitToEnable"));
        assertThat(last, containsString("a bandwidth downgrade is pending"));
    }

    @Test
    void theStatusReadAfterACancellationShowsNothingPending() throws Exception {
        fake.setPendingDowngrade(INSTANCE, false);

        ZenlayerCall call = run(DowngradeProcedure.status());

        assertThat(call.toStepResult().get("downgradePending"), is(false));
        assertThat(call.toStepResult().get("targetBandwidthMbps"), nullValue());
        assertThat(log.get(log.size() - 1), containsString("no bandwidth downgrade pending"));
    }

    @Test
    void aStatusAnswerWithoutTheFieldsLeavesDowngradePendingUnknown() throws Exception {
        fake.setBandwidthStatus(INSTANCE, null, null, null);

        ZenlayerCall call = run(DowngradeProcedure.status());

        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.toStepResult().get("downgradePending"), nullValue());
        assertThat(call.toStepResult().get("status"), nullValue());
        assertThat(log.get(log.size() - 1), containsString("does not show whether"));
    }

    @Test
    void aStatusReadErrorGoesThroughTheResultTable() throws Exception {
        ZenlayerCall failed = runOne(DowngradeProcedure.status(), service(1), "bmc-nope", ResultPolicy.Rules.DEFAULT);
        ZenlayerCall overridden = runOne(
                DowngradeProcedure.status(),
                service(1),
                "bmc-nope",
                new ResultPolicy.Rules(
                        List.of(new ResultOverride(ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND, "UNSTABLE")),
                        List.of()));

        assertThat(failed.buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(failed.getCode(), is(ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND));
        assertThat(failed.getRequestId(), is(requestIdOf(0)));
        assertThat(failed.toStepResult().get("downgradePending"), nullValue());
        assertThat(overridden.buildOutcome(), is(BuildOutcome.UNSTABLE));
        assertThat(log, hasItem(containsString("Result: FAILURE")));
    }

    @Test
    void aDryRunSaysWhatItWouldCancelAndSendsNoCancellation() throws Exception {
        ZenlayerCall call = run(DowngradeProcedure.forCancelStep(true, true));

        assertThat(fake.requestCount(CANCEL), is(0));
        assertThat(fake.requestCount(READ), is(1));
        assertThat(fake.pendingDowngrade(INSTANCE), is(true));
        assertThat(call.isDryRun(), is(true));
        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.toString(), startsWith("[dry run]"));
        Map<String, Object> map = call.toStepResult();
        assertThat(map.get("dryRun"), is(true));
        assertThat(map.get("downgradePending"), is(true));
        assertThat(map.get("currentBandwidthMbps"), is(100));
        assertThat(map.get("targetBandwidthMbps"), is(50));
        assertThat(map.get("requestId"), is(requestIdOf(0)));
        assertThat(log, everyItem(startsWith(CallLog.PREFIX + "[DRY RUN] ")));
        assertThat(
                log.get(log.size() - 1),
                containsString("Would cancel the downgrade of instance " + INSTANCE + " from 100 to 50 Mbps"));
        assertThat(log.get(log.size() - 1), containsString(CANCEL + " was not sent"));
    }

    @Test
    void aDryRunWithNothingPendingSaysSo() throws Exception {
        fake.setBandwidthStatus(INSTANCE, 100, 200, "WaitToEnable");

        ZenlayerCall call = run(DowngradeProcedure.dryRun());

        assertThat(fake.requestCount(CANCEL), is(0));
        assertThat(call.toStepResult().get("downgradePending"), is(false));
        assertThat(log.get(log.size() - 1), containsString("Nothing to cancel"));
        assertThat(log.get(log.size() - 1), containsString("target 200 Mbps"));
    }

    @Test
    void aDryRunThatFailsIsMarkedToo() throws Exception {
        ZenlayerCall call = runOne(DowngradeProcedure.dryRun(), service(1), "bmc-nope", ResultPolicy.Rules.DEFAULT);

        assertThat(call.buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(call.failureMessage(), startsWith("[DRY RUN] "));
        assertThat(log, everyItem(startsWith(CallLog.PREFIX + "[DRY RUN] ")));
        assertThat(fake.requestCount(CANCEL), is(0));
    }

    @Test
    void verificationConfirmsTheDowngradeIsGone() throws Exception {
        ZenlayerCall call = run(DowngradeProcedure.cancel(true));

        assertThat(fake.requestCount(CANCEL), is(1));
        assertThat(fake.requestCount(READ), is(1));
        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.getVerified(), is(true));
        assertThat(call.getCode(), nullValue());
        Map<String, Object> map = call.toStepResult();
        assertThat(map.get("requestId"), is(requestIdOf(0)));
        assertThat(map.get("verificationRequestId"), is(requestIdOf(1)));
        assertThat(map.get("verified"), is(true));
        assertThat(map.get("dryRun"), is(false));
        assertThat(map.get("downgradePending"), is(false));
        assertThat(log, hasItem(containsString("Verified: instance " + INSTANCE)));
        assertThat(log.get(log.size() - 1), containsString("Result: SUCCESS. requestId: " + requestIdOf(0)));
    }

    @Test
    void verificationReportsADowngradeStillPending() throws Exception {
        fake.showCancelledDowngradesFor(1);

        ZenlayerCall call = run(DowngradeProcedure.cancel(true));
        fake.setPendingDowngrade(INSTANCE, true);
        ZenlayerCall overridden = run(
                DowngradeProcedure.cancel(true),
                new ResultPolicy.Rules(
                        List.of(), List.of(new ResultOverride(ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING, "FAILURE"))));

        assertThat(call.buildOutcome(), is(BuildOutcome.UNSTABLE));
        assertThat(call.getCode(), is(ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING));
        assertThat(call.getVerified(), is(false));
        assertThat(call.getRequestId(), is(requestIdOf(0)));
        assertThat(call.getMessage(), containsString(requestIdOf(1)));
        assertThat(call.toStepResult().get("downgradePending"), is(true));
        assertThat(log, hasItem(containsString("still shows a bandwidth downgrade pending")));
        assertThat(overridden.buildOutcome(), is(BuildOutcome.FAILURE));
    }

    @Test
    void withoutVerificationNoStatusIsRead() throws Exception {
        ZenlayerCall call = run(DowngradeProcedure.cancel(false));

        assertThat(fake.requestCount(READ), is(0));
        assertThat(call.getVerified(), nullValue());
        assertThat(call.getBandwidth(), nullValue());
        assertThat(call.toStepResult().containsKey("downgradePending"), is(false));
    }

    @Test
    void aFailedCancellationIsNotVerified() throws Exception {
        fake.setPendingDowngrade(INSTANCE, false);

        ZenlayerCall call = run(DowngradeProcedure.cancel(true));

        assertThat(fake.requestCount(READ), is(0));
        assertThat(call.getCode(), is(ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST));
        assertThat(call.buildOutcome(), is(BuildOutcome.UNSTABLE));
    }

    @Test
    void aFailedVerificationReadGoesThroughTheResultTable() throws Exception {
        fake.enqueueFault(untouched()).enqueueFault(Fault.internalError());

        ZenlayerCall call = run(DowngradeProcedure.cancel(true));

        assertThat(fake.pendingDowngrade(INSTANCE), is(false));
        assertThat(call.getCode(), is(ZenlayerErrorCodes.INTERNAL_SERVER_ERROR));
        assertThat(call.buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(call.getVerified(), nullValue());
        assertThat(call.getRequestId(), is(requestIdOf(0)));
        assertThat(call.getMessage(), containsString("status read to verify it failed"));
        assertThat(call.getMessage(), containsString(requestIdOf(1)));
    }

    @Test
    void aVerificationReadThatDoesNotTellIsAnUnexpectedResponse() throws Exception {
        fake.enqueueFault(untouched())
                .enqueueFault(Fault.custom(
                        "status without fields",
                        request -> new MockResponse.Builder()
                                .code(200)
                                .setHeader("Content-Type", "application/json")
                                .body("{\"requestId\":\"T-BARE\",\"response\":{\"requestId\":\"T-BARE\"}}")
                                .build()));

        ZenlayerCall call = run(DowngradeProcedure.cancel(true));

        assertThat(call.getCode(), is(ZenlayerErrorCodes.UNEXPECTED_RESPONSE));
        assertThat(call.getVerified(), nullValue());
        assertThat(call.getMessage(), containsString("T-BARE"));
        assertThat(call.buildOutcome(), is(BuildOutcome.FAILURE));
    }

    @Test
    void withoutVerificationALostAnswerIsSettledByInference() throws Exception {
        fake.enqueueFault(Fault.disconnectAfterProcessing());

        ZenlayerCall call = runOne(DowngradeProcedure.cancel(false), service(2), INSTANCE, ResultPolicy.Rules.DEFAULT);

        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.getVerified(), nullValue());
        assertThat(fake.requestCount(READ), is(0));
        assertThat(log, hasItem(containsString("most likely cancelled")));
    }

    @Test
    void withVerificationALostAnswerIsConfirmedByAStatusRead() throws Exception {
        fake.enqueueFault(Fault.disconnectAfterProcessing());

        ZenlayerCall call = runOne(DowngradeProcedure.cancel(true), service(2), INSTANCE, ResultPolicy.Rules.DEFAULT);

        assertThat(fake.requestCount(CANCEL), is(2));
        assertThat(fake.requestCount(READ), is(1));
        assertThat(call.buildOutcome(), is(BuildOutcome.SUCCESS));
        assertThat(call.getVerified(), is(true));
        assertThat(log, not(hasItem(containsString("most likely cancelled"))));
        assertThat(log, hasItem(containsString("Reading the status of the instance to confirm")));
        assertThat(log, hasItem(containsString("Verified: instance " + INSTANCE)));
    }

    @Test
    void withVerificationALostAnswerIsNotTakenForASuccessWhileTheDowngradeShows() throws Exception {
        fake.showCancelledDowngradesFor(1).enqueueFault(Fault.disconnectAfterProcessing());

        ZenlayerCall call = runOne(DowngradeProcedure.cancel(true), service(2), INSTANCE, ResultPolicy.Rules.DEFAULT);

        assertThat(call.getCode(), is(ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING));
        assertThat(call.buildOutcome(), is(BuildOutcome.UNSTABLE));
        assertThat(call.getVerified(), is(false));
        assertThat(call.getBandwidth(), notNullValue());
    }

    @Test
    void anInvalidInstanceIdSendsNothingAndFailsThatInstance() throws Exception {
        ZenlayerCall call = runOne(DowngradeProcedure.dryRun(), service(1), "a b", ResultPolicy.Rules.DEFAULT);

        assertThat(call.buildOutcome(), is(BuildOutcome.FAILURE));
        assertThat(call.getCode(), is(ZenlayerErrorCodes.PLUGIN_ERROR));
        assertThat(call.getMessage(), containsString("space"));
        assertThat(fake.requestCount(), is(0));
    }
}
