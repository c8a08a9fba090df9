package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The build log lines of a call. Every line starts with {@value #PREFIX}; none contains a secret, and text that came
 * from the server is reduced to one line.
 */
public final class CallLog {

    public static final String PREFIX = "[Zenlayer] ";

    /** Server text longer than this is cut, so one answer cannot flood the log. */
    static final int MAX_TEXT = 500;

    private CallLog() {}

    /** The line before the call: action, instance, endpoint, API version and credential ID. */
    public static String start(
            String action, String instanceId, String endpoint, String apiVersion, String credentialsId) {
        return PREFIX + Messages.CallLog_start(action, oneLine(instanceId), endpoint, apiVersion, credentialsId);
    }

    /** One line per HTTP attempt. */
    public static String attempt(AttemptRecord attempt) {
        String line = Messages.CallLog_attempt(
                attempt.number(),
                oneLine(attempt.summary()),
                String.valueOf(attempt.elapsed().toMillis()));
        String requestId = attempt.requestId();
        if (requestId != null && !attempt.summary().contains(requestId)) {
            line += " " + Messages.CallLog_attemptRequestId(oneLine(requestId));
        }
        return PREFIX + line;
    }

    /** One line per wait before a retry. */
    public static String backoff(int nextAttempt, Duration wait, @CheckForNull String reason) {
        return PREFIX + Messages.CallLog_backoff(seconds(wait), nextAttempt, oneLine(reason));
    }

    /** The final line: result, request ID (also on failure), and code and message when the call failed. */
    public static String result(CallOutcome outcome, ResultPolicy.Decision decision) {
        String requestId = requestIdText(outcome.requestId());
        String line = outcome.success()
                ? Messages.CallLog_resultSuccess(decision.outcome(), requestId)
                : Messages.CallLog_resultFailure(
                        decision.outcome(), requestId, oneLine(outcome.code()), oneLine(Wording.errorMessage(outcome)));
        return PREFIX + line + overrideSuffix(decision.source());
    }

    /** What an attempt whose answer was lost means for the call, if one was; empty otherwise. */
    public static Optional<String> note(CallOutcome outcome) {
        return Optional.ofNullable(Wording.lostAnswerNote(outcome))
                .map(n -> PREFIX + Messages.CallLog_note(oneLine(n)));
    }

    static String requestIdText(@CheckForNull String requestId) {
        return requestId == null || requestId.isBlank() ? Messages.CallLog_noRequestId() : oneLine(requestId);
    }

    private static String overrideSuffix(ResultPolicy.Source source) {
        return switch (source) {
            case DEFAULT -> "";
            case GLOBAL_OVERRIDE -> " " + Messages.CallLog_overriddenGlobally();
            case STEP_OVERRIDE -> " " + Messages.CallLog_overriddenByStep();
        };
    }

    private static String seconds(Duration wait) {
        return String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
    }

    /** Control characters (line breaks included) become spaces; overly long text is cut. */
    static String oneLine(@CheckForNull String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_TEXT + 1));
        text.codePoints().limit(MAX_TEXT).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            sb.append('…');
        }
        return sb.toString().strip();
    }
}
