package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.zenlayer.api.Outcomes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
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
        ZenlayerCall call =
                ZenlayerCall.of(Outcomes.success(ACTION, "i-1", "req-1"), decision(BuildOutcome.SUCCESS), 0L);
        Map<String, Object> map = call.toStepResult();
        assertThat(map.keySet(), contains("requestId", "instanceId", "result", "code", "message"));
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
                0L);
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
                0L);
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
