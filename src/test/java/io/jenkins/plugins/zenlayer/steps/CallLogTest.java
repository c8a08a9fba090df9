package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.ApiError;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLogTest {

    private static final String ACTION = ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE;
    private static final ResultPolicy.Decision SUCCESS =
            new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.DEFAULT);
    private static final ResultPolicy.Decision FAILURE =
            new ResultPolicy.Decision(BuildOutcome.FAILURE, ResultPolicy.Source.DEFAULT);

    private static AttemptRecord attempt(int n, String code, String requestId, boolean retry) {
        return new AttemptRecord(
                n,
                Duration.ofMillis(1234),
                code == null ? 200 : 503,
                code,
                requestId,
                "HTTP " + (code == null ? "200" : "503 " + code),
                true,
                retry);
    }

    @Test
    void startLineNamesActionInstanceEndpointVersionAndCredentialId() {
        String line = CallLog.start(ACTION, "i-1", "https://console.zenlayer.com", "2026-02-01", "zl-prod");
        assertThat(
                line,
                allOf(
                        startsWith(CallLog.PREFIX),
                        containsString("CancelInstanceBandwidthDowngrade"),
                        containsString("i-1"),
                        containsString("https://console.zenlayer.com"),
                        containsString("2026-02-01"),
                        containsString("zl-prod")));
    }

    @Test
    void successLineCarriesTheRequestId() {
        CallOutcome outcome =
                CallOutcome.success(ACTION, "i-1", "req-ok-1", List.of(attempt(1, null, "req-ok-1", false)));
        String line = CallLog.result(outcome, SUCCESS);
        assertThat(line, allOf(containsString("SUCCESS"), containsString("req-ok-1")));
    }

    @Test
    void failureLineCarriesResultRequestIdCodeAndMessage() {
        ApiError error = new ApiError(404, "INVALID_INSTANCE_NOT_FOUND", "Instance not found.", "req-404");
        CallOutcome outcome = CallOutcome.failure(ACTION, "i-9", error, List.of());
        assertThat(
                CallLog.result(outcome, FAILURE),
                allOf(
                        containsString("FAILURE"),
                        containsString("req-404"),
                        containsString("INVALID_INSTANCE_NOT_FOUND"),
                        containsString("Instance not found.")));
        assertThat(
                CallLog.failureMessage(ACTION, "i-9", outcome),
                allOf(containsString("i-9"), containsString("INVALID_INSTANCE_NOT_FOUND"), containsString("req-404")));
        assertThat(CallLog.unstableReason(ACTION, "i-9", outcome), containsString("req-404"));
    }

    @Test
    void aMissingRequestIdIsShownAsNone() {
        ApiError error = new ApiError(0, "NETWORK_ERROR", "Connection refused", null);
        CallOutcome outcome = CallOutcome.failure(ACTION, "i-1", error, List.of());
        assertThat(CallLog.result(outcome, FAILURE), containsString("requestId: (none)"));
        assertThat(CallLog.failureMessage(ACTION, "i-1", outcome), containsString("(none)"));
    }

    @Test
    void overridesAreNamedInTheResultLine() {
        ApiError error = new ApiError(403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "none", "r");
        CallOutcome outcome = CallOutcome.failure(ACTION, "i-1", error, List.of());
        assertThat(
                CallLog.result(
                        outcome, new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.STEP_OVERRIDE)),
                containsString("this step"));
        assertThat(
                CallLog.result(
                        outcome, new ResultPolicy.Decision(BuildOutcome.SUCCESS, ResultPolicy.Source.GLOBAL_OVERRIDE)),
                containsString("global configuration"));
    }

    @Test
    void attemptAndBackoffLines() {
        String line = CallLog.attempt(attempt(2, "SERVICE_TEMPORARY_UNAVAILABLE", "req-2", true));
        assertThat(
                line,
                allOf(
                        containsString("Attempt 2:"),
                        containsString("SERVICE_TEMPORARY_UNAVAILABLE"),
                        containsString("req-2"),
                        containsString("1234")));
        assertThat(
                CallLog.backoff(3, Duration.ofMillis(2100), "HTTP 503"),
                allOf(
                        containsString("Waiting 2.1 s"),
                        containsString("before attempt 3:"),
                        containsString("HTTP 503")));
    }

    @Test
    void serverTextCannotBreakOrFloodTheLog() {
        String injected = "bad\nFinished: SUCCESS\r\n";
        assertEquals("bad Finished: SUCCESS", CallLog.oneLine(injected));
        String longText = "x".repeat(CallLog.MAX_TEXT + 50);
        String cut = CallLog.oneLine(longText);
        assertThat(cut, endsWith("…"));
        assertEquals(CallLog.MAX_TEXT + 1, cut.length());
        assertEquals("", CallLog.oneLine(null));
        ApiError error = new ApiError(500, "INTERNAL_SERVER_ERROR", injected, "r\n1");
        String line = CallLog.result(CallOutcome.failure(ACTION, "i", error, List.of()), FAILURE);
        assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line);
    }
}
