package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.zenlayer.api.ApiError;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CancellationReportTest {

    private static final String ACTION = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;

    @Test
    void successMapHasRequestIdAndNoCode() {
        CancellationReport report = new CancellationReport(
                "i-1",
                CallOutcome.success(ACTION, "i-1", "req-1", List.of()),
                new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.DEFAULT));
        Map<String, Object> map = report.toStepResult();
        assertThat(map.keySet(), contains("requestId", "instanceId", "result", "code", "message"));
        assertEquals("req-1", map.get("requestId"));
        assertEquals("i-1", map.get("instanceId"));
        assertEquals("SUCCESS", map.get("result"));
        assertNull(map.get("code"));
        assertNull(map.get("message"));
    }

    @Test
    void unstableMapCarriesCodeAndMessage() {
        ApiError error = new ApiError(403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "No order", "req-2");
        CancellationReport report = new CancellationReport(
                "i-2",
                CallOutcome.failure(ACTION, "i-2", error, List.of()),
                new ResultPolicy.Decision(BuildOutcome.UNSTABLE, ResultPolicy.Source.DEFAULT));
        Map<String, Object> map = report.toStepResult();
        assertEquals("UNSTABLE", map.get("result"));
        assertEquals("OPERATION_DENIED_DOWNGRADE_NOT_EXIST", map.get("code"));
        assertEquals("No order", map.get("message"));
        assertEquals("req-2", map.get("requestId"));
        assertThat(report.unstableReason(), containsString("req-2"));
        assertThat(report.failureMessage(), containsString("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
    }

    @Test
    void recordedCallKeepsOnlyDisplayData() {
        ApiError error = new ApiError(500, "INTERNAL_SERVER_ERROR", "line1\nline2", "req-3");
        CancellationReport report = new CancellationReport(
                "i-3",
                CallOutcome.failure(ACTION, "i-3", error, List.of()),
                new ResultPolicy.Decision(BuildOutcome.FAILURE, ResultPolicy.Source.DEFAULT));
        ZenlayerCall call = report.toCall(0L);
        assertEquals("i-3", call.getInstanceId());
        assertEquals("req-3", call.getRequestId());
        assertEquals("FAILURE", call.getResult());
        assertEquals("INTERNAL_SERVER_ERROR", call.getCode());
        assertEquals("line1 line2", call.getMessage());
        assertEquals("1970-01-01T00:00:00Z", call.getTime());
    }

    @Test
    void stepCredentialWinsOverTheGlobalDefault() {
        assertEquals(Optional.of("step"), BandwidthDowngradeCancellation.effectiveCredentialsId(" step ", "global"));
        assertEquals(Optional.of("global"), BandwidthDowngradeCancellation.effectiveCredentialsId("  ", "global"));
        assertEquals(Optional.of("global"), BandwidthDowngradeCancellation.effectiveCredentialsId(null, "global"));
        assertEquals(Optional.empty(), BandwidthDowngradeCancellation.effectiveCredentialsId(null, " "));
    }
}
