package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.Outcomes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZenlayerCallTest {

    private static final String ACTION = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;

    private static ResultPolicy.Decision decision(BuildOutcome outcome) {
        return new ResultPolicy.Decision(outcome, ResultPolicy.Source.DEFAULT);
    }

    @Test
    void successMapHasRequestIdAndNoCode() {
        ZenlayerCall call = ZenlayerCall.of(
                Outcomes.success(ACTION, "i-1", "req-1"), decision(BuildOutcome.SUCCESS), ZenlayerCall.Purpose.CANCEL);
        Map<String, Object> map = call.toStepResult();
        assertThat(
                map.keySet(), contains("requestId", "instanceId", "result", "code", "message", "dryRun", "verified"));
        assertEquals(false, map.get("dryRun"));
        assertNull(map.get("verified"));
        assertEquals("req-1", map.get("requestId"));
        assertEquals("i-1", map.get("instanceId"));
        assertEquals("SUCCESS", map.get("result"));
        assertNull(map.get("code"));
        assertNull(map.get("message"));
    }

    @Test
    void unstableMapCarriesCodeAndMessage() {
        ZenlayerCall call = ZenlayerCall.of(
                Outcomes.failure(ACTION, "i-2", 403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "No order", "req-2"),
                decision(BuildOutcome.UNSTABLE),
                ZenlayerCall.Purpose.CANCEL);
        Map<String, Object> map = call.toStepResult();
        assertEquals("UNSTABLE", map.get("result"));
        assertEquals("OPERATION_DENIED_DOWNGRADE_NOT_EXIST", map.get("code"));
        assertEquals("No order", map.get("message"));
        assertEquals("req-2", map.get("requestId"));
        assertEquals(BuildOutcome.UNSTABLE, call.buildOutcome());
        assertThat(call.unstableReason(), containsString("req-2"));
        assertThat(call.failureMessage(), containsString("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
    }

    @Test
    void recordedCallKeepsOnlyDisplayData() {
        ZenlayerCall call = ZenlayerCall.of(
                Outcomes.failure(ACTION, "i-3", 500, "INTERNAL_SERVER_ERROR", "line1\nline2", "req-3"),
                decision(BuildOutcome.FAILURE),
                ZenlayerCall.Purpose.CANCEL);
        assertEquals("i-3", call.getInstanceId());
        assertEquals("req-3", call.getRequestId());
        assertEquals("FAILURE", call.getResult());
        assertEquals("INTERNAL_SERVER_ERROR", call.getCode());
        assertEquals("line1 line2", call.getMessage());
        assertEquals(Instant.ofEpochMilli(call.getTimestamp()).toString(), call.getTime());
    }

    @Test
    void theStatusStepsMapHasTheStatusFieldsAndNoCancellationFields() {
        BandwidthStatus read = new BandwidthStatus("req-s", "web-1", 100, 50, "WaitToEnable", true);
        ZenlayerCall call = new ZenlayerCall(
                ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS,
                "i-1",
                "req-s",
                "SUCCESS",
                null,
                null,
                ZenlayerCall.Purpose.STATUS,
                read,
                null);

        Map<String, Object> map = call.toStepResult();

        assertThat(
                map.keySet(),
                contains(
                        "requestId",
                        "instanceId",
                        "result",
                        "code",
                        "message",
                        "instanceName",
                        "currentBandwidthMbps",
                        "targetBandwidthMbps",
                        "status",
                        "downgradePending"));
        assertEquals(100, map.get("currentBandwidthMbps"));
        assertEquals(true, map.get("downgradePending"));
        assertEquals("STATUS", call.getPurposeName());
        assertEquals(false, call.isDryRun());
    }

    @Test
    void aDryRunIsMarkedInItsMapAndMessages() {
        ZenlayerCall call = new ZenlayerCall(
                ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS,
                "i-1",
                "req-d",
                "UNSTABLE",
                "INVALID_INSTANCE_NOT_FOUND",
                "gone",
                ZenlayerCall.Purpose.DRY_RUN,
                null,
                null);

        Map<String, Object> map = call.toStepResult();

        assertEquals(true, map.get("dryRun"));
        assertTrue(map.containsKey("downgradePending"));
        assertNull(map.get("downgradePending"));
        assertThat(call.unstableReason(), startsWith("[DRY RUN] "));
        assertThat(call.failureMessage(), startsWith("[DRY RUN] "));
        assertEquals("DRY_RUN", call.getPurposeName());
        assertThat(call.getPurposeDisplayName(), containsString("DRY RUN"));
    }

    @Test
    void aVerifiedCancellationCarriesTheReadAndItsRequestId() {
        BandwidthStatus read = new BandwidthStatus("req-v", null, 100, null, "Enable", false);
        ZenlayerCall call = new ZenlayerCall(
                ACTION, "i-1", "req-c", "SUCCESS", null, null, ZenlayerCall.Purpose.CANCEL, read, true);

        Map<String, Object> map = call.toStepResult();

        assertEquals("req-c", map.get("requestId"));
        assertEquals("req-v", map.get("verificationRequestId"));
        assertEquals(true, map.get("verified"));
        assertEquals(false, map.get("downgradePending"));
        assertThat(call.getVerifiedText(), startsWith("yes"));
        assertThat(call.getBandwidthText(), containsString("100 Mbps now"));
    }

    @Test
    void stepCredentialWinsOverTheGlobalDefault() {
        assertEquals(Optional.of("step"), StepRunner.effectiveCredentialsId(" step ", "global"));
        assertEquals(Optional.of("global"), StepRunner.effectiveCredentialsId("  ", "global"));
        assertEquals(Optional.of("global"), StepRunner.effectiveCredentialsId(null, "global"));
        assertEquals(Optional.empty(), StepRunner.effectiveCredentialsId(null, " "));
    }
}
