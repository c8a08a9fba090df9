package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.Outcomes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
                code == null ? null : "try later",
                requestId,
                "HTTP " + (code == null ? "200" : "503 " + code),
                true,
                retry,
                false,
                retry,
                null,
                null,
                null);
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
        CallOutcome outcome = Outcomes.success(ACTION, "i-1", "req-ok-1");
        String line = CallLog.result(outcome, SUCCESS);
        assertThat(line, allOf(containsString("SUCCESS"), containsString("req-ok-1")));
    }

    @Test
    void failureLineCarriesResultRequestIdCodeAndMessage() {
        CallOutcome outcome =
                Outcomes.failure(ACTION, "i-9", 404, "INVALID_INSTANCE_NOT_FOUND", "Instance not found.", "req-404");
        ZenlayerCall call = ZenlayerCall.of(outcome, FAILURE, ZenlayerCall.Purpose.CANCEL);
        assertThat(
                CallLog.result(outcome, FAILURE),
                allOf(
                        containsString("FAILURE"),
                        containsString("req-404"),
                        containsString("INVALID_INSTANCE_NOT_FOUND"),
                        containsString("Instance not found.")));
        assertThat(
                call.failureMessage(),
                allOf(containsString("i-9"), containsString("INVALID_INSTANCE_NOT_FOUND"), containsString("req-404")));
        assertThat(call.unstableReason(), containsString("req-404"));
    }

    @Test
    void aMissingRequestIdIsShownAsNone() {
        CallOutcome outcome = Outcomes.failure(ACTION, "i-1", 0, "NETWORK_ERROR", "Connection refused", null);
        assertThat(CallLog.result(outcome, FAILURE), containsString("requestId: (none)"));
        assertThat(
                ZenlayerCall.of(outcome, FAILURE, ZenlayerCall.Purpose.CANCEL).failureMessage(),
                containsString("(none)"));
    }

    @Test
    void overridesAreNamedInTheResultLine() {
        CallOutcome outcome = Outcomes.failure(ACTION, "i-1", 403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "none", "r");
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
    void everyDryRunLineIsMarked() {
        String start = CallLog.start(ACTION, "i-1", "https://console.zenlayer.com", "2026-02-01", "zl-prod");

        assertThat(CallLog.markDryRun(start), startsWith(CallLog.PREFIX + "[DRY RUN] "));
        assertThat(CallLog.markDryRun(start), endsWith(start.substring(CallLog.PREFIX.length())));
        assertThat(CallLog.markDryRun("unprefixed"), is("[DRY RUN] unprefixed"));
    }

    @Test
    void statusLinesShowOnlyTheFieldsTheAnswerHad() {
        BandwidthStatus full = new BandwidthStatus("req-1", "web\nnode", 1000, 500, "WaitToEnable", true);
        BandwidthStatus bare = new BandwidthStatus("req-2", null, null, null, null, null);

        String line = CallLog.status("i-1", full);

        assertThat(
                line,
                allOf(
                        startsWith(CallLog.PREFIX + "Instance i-1 (web node): "),
                        containsString("1000 Mbps now, target 500 Mbps, status WaitToEnable"),
                        containsString("a bandwidth downgrade is pending"),
                        endsWith("requestId: req-1")));
        assertThat(CallLog.status("i-1", bare), containsString("no bandwidth fields in the answer"));
        assertThat(CallLog.status("i-1", bare), containsString("does not show whether"));
        assertThat(
                CallLog.dryRun("i-1", full, ACTION),
                containsString("Would cancel the downgrade of instance i-1 from 1000 to 500 Mbps. " + ACTION
                        + " was not sent."));
        assertThat(CallLog.dryRun("i-1", bare, ACTION), containsString("Cannot tell"));
        assertThat(CallLog.verification("i-1", full), containsString("still shows"));
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
        String line =
                CallLog.result(Outcomes.failure(ACTION, "i", 500, "INTERNAL_SERVER_ERROR", injected, "r\n1"), FAILURE);
        assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line);
    }

    @Test
    void listsUseTheSeparatorsOfTheUsersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(CallLog.counted(List.of("i-1", "i-2")), is("2 (i-1, i-2)"));
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(CallLog.counted(List.of("i-1", "i-2")), is("2（i-1，i-2）"));
            assertThat(
                    CallLog.bandwidth(new BandwidthStatus("r", null, 100, 50, "WaitToEnable", true)),
                    allOf(containsString("，"), not(containsString(", "))));
        } finally {
            Locale.setDefault(before);
        }
    }
}
