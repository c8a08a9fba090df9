package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        return result(outcome.requestId(), decision, outcome.code(), Wording.errorMessage(outcome));
    }

    /**
     * The final line of a step whose code was not an answer's (verification): result, request ID, and code and
     * message when there is a code.
     */
    public static String result(
            @CheckForNull String requestId,
            ResultPolicy.Decision decision,
            @CheckForNull String code,
            @CheckForNull String message) {
        String id = requestIdText(requestId);
        String line = code == null
                ? Messages.CallLog_resultSuccess(decision.outcome(), id)
                : Messages.CallLog_resultFailure(decision.outcome(), id, oneLine(code), oneLine(message));
        return PREFIX + line + overrideSuffix(decision.source());
    }

    /** What an attempt whose answer was lost means for the call, if one was; empty otherwise. */
    public static Optional<String> note(CallOutcome outcome) {
        return note(Wording.lostAnswerNote(outcome));
    }

    /** As {@link #note(CallOutcome)}, when a status read follows to confirm an inferred success. */
    public static Optional<String> noteBeforeVerifying(CallOutcome outcome) {
        return note(Wording.lostAnswerNoteBeforeVerifying(outcome));
    }

    private static Optional<String> note(@CheckForNull String note) {
        return Optional.ofNullable(note).map(n -> PREFIX + Messages.CallLog_note(oneLine(n)));
    }

    /** Names the instance a line of a batch is about, right after {@link #PREFIX}. */
    public static String forInstance(String instanceId, String line) {
        String mark = "[" + oneLine(instanceId) + "] ";
        return line.startsWith(PREFIX) ? PREFIX + mark + line.substring(PREFIX.length()) : mark + line;
    }

    /** The line before a batch: action, number of instances, endpoint, API version, credential ID, concurrency. */
    public static String batchStart(
            String action, int instances, String endpoint, String apiVersion, String credentialsId, int concurrency) {
        return PREFIX
                + Messages.CallLog_batchStart(action, instances, endpoint, apiVersion, credentialsId, concurrency);
    }

    /** An ID left out of a batch because it occurred earlier in the list (positions counted from 1). */
    public static String duplicate(BatchRunner.Duplicate duplicate) {
        return PREFIX
                + Messages.CallLog_duplicate(
                        oneLine(duplicate.instanceId()), duplicate.position() + 1, duplicate.firstPosition() + 1);
    }

    /** An instance called again because the rate limit refused every attempt of its previous call. */
    public static String calledAgain(int round) {
        return PREFIX + Messages.CallLog_calledAgain(round);
    }

    /** The batch slows down after the rate limit refused an attempt. */
    public static String slowDown(String instanceId, double callsPerSecond) {
        return PREFIX
                + Messages.CallLog_slowDown(oneLine(instanceId), String.format(Locale.ROOT, "%.1f", callsPerSecond));
    }

    /** After an abort: which instances were done, which were cancelled in flight, which never started. */
    public static String batchAborted(List<String> done, List<String> inFlight, List<String> notStarted) {
        return PREFIX + Messages.CallLog_batchAborted(ids(done), ids(inFlight), ids(notStarted));
    }

    private static String ids(List<String> instanceIds) {
        return instanceIds.isEmpty() ? Messages.CallLog_none() : counted(instanceIds);
    }

    /** Items joined with the separator of the user's language (a full-width comma in Chinese). */
    static String list(List<String> items) {
        return String.join(Messages.CallLog_listSeparator(), items);
    }

    /** How many instance IDs, and which: {@code 2 (i-1, i-2)}. */
    static String counted(List<String> instanceIds) {
        return Messages.CallLog_counted(
                instanceIds.size(),
                list(instanceIds.stream().map(CallLog::oneLine).toList()));
    }

    /** Marks a line of a dry run, right after {@link #PREFIX}, so that no line of it passes for a real call. */
    public static String markDryRun(String line) {
        String mark = Messages.CallLog_dryRunMark() + " ";
        return line.startsWith(PREFIX) ? PREFIX + mark + line.substring(PREFIX.length()) : mark + line;
    }

    /** The status step's line: what the read showed, with its request ID. */
    public static String status(String instanceId, BandwidthStatus read) {
        return PREFIX
                + Messages.CallLog_status(
                        instance(instanceId, read),
                        bandwidth(read),
                        pendingText(read),
                        requestIdText(read.getRequestId()));
    }

    /** A dry run's line: what a cancellation would do, and that it was not sent. */
    public static String dryRun(String instanceId, BandwidthStatus read, String cancelAction) {
        String id = oneLine(instanceId);
        String requestId = requestIdText(read.getRequestId());
        String line =
                switch (read.downgrade()) {
                    case PENDING ->
                        Messages.CallLog_dryRunWouldCancel(
                                id,
                                mbps(read.getCurrentBandwidthMbps()),
                                mbps(read.getTargetBandwidthMbps()),
                                cancelAction,
                                requestId);
                    case NONE -> Messages.CallLog_dryRunNothing(id, bandwidth(read), cancelAction, requestId);
                    case UNKNOWN -> Messages.CallLog_dryRunUnknown(id, bandwidth(read), cancelAction, requestId);
                };
        return PREFIX + line;
    }

    /** Before the status read that verifies a cancellation. */
    public static String verifying(String instanceId, String readAction) {
        return PREFIX + Messages.CallLog_verifying(oneLine(instanceId), readAction);
    }

    /** What the status read after a cancellation showed. */
    public static String verification(String instanceId, BandwidthStatus read) {
        String id = oneLine(instanceId);
        String requestId = requestIdText(read.getRequestId());
        String line =
                switch (read.downgrade()) {
                    case NONE -> Messages.CallLog_verifiedGone(id, bandwidth(read), requestId);
                    case PENDING -> Messages.CallLog_verifiedStillPending(id, bandwidth(read), requestId);
                    case UNKNOWN -> Messages.CallLog_verifiedUnknown(id, bandwidth(read), requestId);
                };
        return PREFIX + line;
    }

    /** The bandwidth fields of a read: current and target bandwidth and status, each only when the answer had it. */
    public static String bandwidth(BandwidthStatus read) {
        List<String> parts = new ArrayList<>();
        if (read.getCurrentBandwidthMbps() != null) {
            parts.add(Messages.CallLog_bandwidthNow(mbps(read.getCurrentBandwidthMbps())));
        }
        if (read.getTargetBandwidthMbps() != null) {
            parts.add(Messages.CallLog_bandwidthTarget(mbps(read.getTargetBandwidthMbps())));
        }
        if (read.getStatus() != null) {
            parts.add(Messages.CallLog_bandwidthStatus(oneLine(read.getStatus())));
        }
        return parts.isEmpty() ? Messages.CallLog_bandwidthNone() : list(parts);
    }

    /** Whether a downgrade is pending, in words. */
    public static String pendingText(BandwidthStatus read) {
        return switch (read.downgrade()) {
            case PENDING -> Messages.CallLog_downgradePending();
            case NONE -> Messages.CallLog_downgradeNone();
            case UNKNOWN -> Messages.CallLog_downgradeUnknown();
        };
    }

    private static String instance(String instanceId, BandwidthStatus read) {
        String id = oneLine(instanceId);
        return read.getInstanceName() == null ? id : id + " (" + oneLine(read.getInstanceName()) + ")";
    }

    /** Digits only: MessageFormat would group thousands by the locale. */
    private static String mbps(@CheckForNull Integer value) {
        return value == null ? "?" : Integer.toString(value);
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
