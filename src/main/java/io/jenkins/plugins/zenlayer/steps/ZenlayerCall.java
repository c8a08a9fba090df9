package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InternetStatus;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One Zenlayer step run for one instance and the result it led to: what the build log reports, what the build record
 * keeps, the build page and the REST API show, and what the Pipeline step returns. Holds no secret: instance ID,
 * request IDs, result, error code, message and bandwidth status are all in the build log too.
 */
@ExportedBean(defaultVisibility = 3)
public final class ZenlayerCall {

    /** What the step did. */
    public enum Purpose {
        /** Sent CancelInstanceBandwidthDowngrade, and read the status afterwards if asked to verify. */
        CANCEL,
        /** Read the status only: the status step. */
        STATUS,
        /** Read the status only and reported what a cancellation would do; nothing was cancelled. */
        DRY_RUN,
        /** Listed instances with DescribeInstances: the instances step, or the selection of a fleet. */
        LIST
    }

    private final String action;
    private final String instanceId;
    private final String requestId;
    private final String result;
    private final String code;
    private final String message;
    private final long timestamp;
    private final Purpose purpose;
    /** The status read: of the status step, the dry run, or the verification; {@code null} when none succeeded. */
    private final BandwidthStatus bandwidth;
    /** Set by verification only: whether the status read afterwards showed the downgrade gone. */
    private final Boolean verified;

    /**
     * @param requestId of the call that decides the purpose: the cancellation, or the read of a status step or dry
     *     run
     * @param bandwidth the status read, if one succeeded
     * @param verified for a verified cancellation: {@code true} when the read showed no pending downgrade,
     *     {@code false} when it still showed one, {@code null} when it could not tell or there was no verification
     */
    public ZenlayerCall(
            String action,
            String instanceId,
            @CheckForNull String requestId,
            String result,
            @CheckForNull String code,
            @CheckForNull String message,
            @NonNull Purpose purpose,
            @CheckForNull BandwidthStatus bandwidth,
            @CheckForNull Boolean verified) {
        this.action = action;
        this.instanceId = instanceId;
        this.requestId = requestId;
        this.result = result;
        this.code = code;
        this.message = message;
        this.timestamp = System.currentTimeMillis();
        this.purpose = purpose;
        this.bandwidth = bandwidth;
        this.verified = verified;
    }

    /**
     * A call's outcome and the result the table chose for it; for a status read ({@link Purpose#STATUS},
     * {@link Purpose#DRY_RUN}) with the status it showed.
     */
    public static ZenlayerCall of(CallOutcome outcome, ResultPolicy.Decision decision, Purpose purpose) {
        String message = Wording.errorMessage(outcome);
        return new ZenlayerCall(
                outcome.action(),
                outcome.instanceId(),
                outcome.requestId(),
                decision.outcome().name(),
                outcome.code(),
                message == null ? null : CallLog.oneLine(message),
                purpose,
                BandwidthStatus.of(outcome),
                null);
    }

    /** An instance the plugin itself failed on, without an answer: {@code PLUGIN_ERROR}. */
    static ZenlayerCall failed(
            DowngradeProcedure procedure, String instanceId, ResultPolicy.Decision decision, String message) {
        return new ZenlayerCall(
                procedure.firstAction(),
                instanceId,
                null,
                decision.outcome().name(),
                ZenlayerErrorCodes.PLUGIN_ERROR,
                CallLog.oneLine(message),
                procedure.purpose(),
                null,
                null);
    }

    /** The API action that the step is about: CancelInstanceBandwidthDowngrade, or the status read's. */
    @Exported
    public String getAction() {
        return action;
    }

    @Exported
    public String getInstanceId() {
        return instanceId;
    }

    @CheckForNull
    @Exported
    public String getRequestId() {
        return requestId;
    }

    /** {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}. */
    @Exported
    public String getResult() {
        return result;
    }

    @CheckForNull
    @Exported
    public String getCode() {
        return code;
    }

    @CheckForNull
    @Exported
    public String getMessage() {
        return message;
    }

    /** Milliseconds since the epoch when the call finished. */
    @Exported
    public long getTimestamp() {
        return timestamp;
    }

    /** The time in ISO-8601 (UTC), for display. */
    @Exported
    public String getTime() {
        return Instant.ofEpochMilli(timestamp).toString();
    }

    /** What the step did: {@code CANCEL}, {@code STATUS} or {@code DRY_RUN}. */
    @NonNull
    public Purpose purpose() {
        return purpose;
    }

    /** {@link #purpose()} by name, for the REST API. */
    @Exported(name = "purpose")
    public String getPurposeName() {
        return purpose().name();
    }

    /** True for a dry run: the status was read and nothing was cancelled. */
    @Exported
    public boolean isDryRun() {
        return purpose() == Purpose.DRY_RUN;
    }

    /** What the step did, in the user's language, for the build page. */
    public String getPurposeDisplayName() {
        return switch (purpose()) {
            case CANCEL -> Messages.ZenlayerCall_purposeCancel();
            case STATUS -> Messages.ZenlayerCall_purposeStatus();
            case DRY_RUN -> Messages.ZenlayerCall_purposeDryRun();
            case LIST -> Messages.ZenlayerCall_purposeList();
        };
    }

    /** The status read, if one succeeded. */
    @CheckForNull
    @Exported(inline = true) // its fields at the call's own depth, so that the default /api/json shows them
    public BandwidthStatus getBandwidth() {
        return bandwidth;
    }

    /** The status read in one line, for the build page; empty without one. */
    public String getBandwidthText() {
        return bandwidth == null ? "" : CallLog.bandwidth(bandwidth) + " – " + CallLog.pendingText(bandwidth);
    }

    /**
     * For a verified cancellation, whether the status read afterwards showed the downgrade gone ({@code true}) or
     * still pending ({@code false}); {@code null} without verification or when the read could not tell.
     */
    @CheckForNull
    @Exported
    public Boolean getVerified() {
        return verified;
    }

    /** The verification in the user's language, for the build page; empty without one. */
    public String getVerifiedText() {
        if (verified == null) {
            return "";
        }
        return verified ? Messages.ZenlayerCall_verifiedYes() : Messages.ZenlayerCall_verifiedNo();
    }

    /** Whether CancelInstanceBandwidthDowngrade was sent for this instance. */
    public boolean isCancellationSent() {
        return ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE.equals(action);
    }

    /** A cancellation of a selection that found no downgrade pending and so sent none. */
    public boolean hadNothingToCancel() {
        return purpose == Purpose.CANCEL
                && !isCancellationSent()
                && bandwidth != null
                && bandwidth.downgrade() == InternetStatus.Downgrade.NONE
                && code == null;
    }

    /** The build result this call leads to. */
    public BuildOutcome buildOutcome() {
        return BuildOutcome.valueOf(result);
    }

    /** The message of the exception that fails the build. */
    public String failureMessage() {
        return explain(Messages::CallLog_failure);
    }

    /** Why the build is unstable; shown after {@code WARNING:} and on the Pipeline step. */
    public String unstableReason() {
        return explain(Messages::CallLog_unstable);
    }

    /**
     * A sentence about this call: action, instance, code, message and request ID, each on one line; marked when the
     * call was part of a dry run.
     */
    private String explain(Sentence sentence) {
        return (isDryRun() ? Messages.CallLog_dryRunMark() + " " : "")
                + sentence.of(
                        action,
                        CallLog.oneLine(instanceId),
                        CallLog.oneLine(code),
                        CallLog.oneLine(message),
                        CallLog.requestIdText(requestId));
    }

    @FunctionalInterface
    private interface Sentence {
        String of(Object action, Object instanceId, Object code, Object message, Object requestId);
    }

    /**
     * The Pipeline step's return value, a plain map so that sandboxed scripts can read it: {@code requestId},
     * {@code instanceId}, {@code result} ({@code SUCCESS} or {@code UNSTABLE}), {@code code} and {@code message}
     * (both {@code null} after a successful call); then
     *
     * <ul>
     *   <li>for the status step: {@code instanceName}, {@code currentBandwidthMbps}, {@code targetBandwidthMbps},
     *       {@code status}, {@code downgradePending};
     *   <li>for a dry run: {@code dryRun} ({@code true}), {@code verified} ({@code null}) and the same status fields;
     *   <li>for a cancellation: {@code dryRun} ({@code false}) and {@code verified}; with verification also the status
     *       fields of the read afterwards and its {@code verificationRequestId}.
     * </ul>
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("requestId", requestId);
        map.put("instanceId", instanceId);
        map.put("result", result);
        map.put("code", code);
        map.put("message", message);
        Purpose p = purpose();
        if (p != Purpose.STATUS) {
            map.put("dryRun", p == Purpose.DRY_RUN);
            map.put("verified", verified);
        }
        if (p != Purpose.CANCEL || bandwidth != null) {
            BandwidthStatus.putInto(bandwidth, map);
        }
        if (p == Purpose.CANCEL && bandwidth != null) {
            map.put("verificationRequestId", bandwidth.getRequestId());
        }
        return map;
    }

    @Override
    public String toString() {
        return (isDryRun() ? "[dry run] " : "") + action + "(" + instanceId + ") " + result
                + (code == null ? "" : " " + code) + " requestId=" + requestId
                + (bandwidth == null ? "" : " [" + bandwidth + "]")
                + (verified == null ? "" : " verified=" + verified);
    }
}
