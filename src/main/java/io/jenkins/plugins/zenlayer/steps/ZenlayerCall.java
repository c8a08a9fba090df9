package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One Zenlayer call made by a build and the result it led to: what the build log reports, what the build record keeps,
 * the build page and the REST API show, and what the Pipeline step returns. Holds no secret: instance ID, request ID,
 * result, error code and message are all in the build log too.
 */
@ExportedBean(defaultVisibility = 3)
public final class ZenlayerCall implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String action;
    private final String instanceId;
    private final String requestId;
    private final String result;
    private final String code;
    private final String message;
    private final long timestamp;

    public ZenlayerCall(
            String action,
            String instanceId,
            @CheckForNull String requestId,
            String result,
            @CheckForNull String code,
            @CheckForNull String message,
            long timestamp) {
        this.action = action;
        this.instanceId = instanceId;
        this.requestId = requestId;
        this.result = result;
        this.code = code;
        this.message = message;
        this.timestamp = timestamp;
    }

    /** The call's outcome and the result the table chose for it, as of {@code timestamp}. */
    public static ZenlayerCall of(CallOutcome outcome, ResultPolicy.Decision decision, long timestamp) {
        String message = Wording.errorMessage(outcome);
        return new ZenlayerCall(
                outcome.action(),
                outcome.instanceId(),
                outcome.requestId(),
                decision.outcome().name(),
                outcome.code(),
                message == null ? null : CallLog.oneLine(message),
                timestamp);
    }

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

    /** A sentence about this call: action, instance, code, message and request ID, each on one line. */
    private String explain(Sentence sentence) {
        return sentence.of(
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
     * The Pipeline step's return value: {@code requestId}, {@code instanceId}, {@code result} ({@code SUCCESS} or
     * {@code UNSTABLE}), {@code code} and {@code message} (both {@code null} after a successful call). A plain map,
     * so sandboxed scripts can read it.
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("requestId", requestId);
        map.put("instanceId", instanceId);
        map.put("result", result);
        map.put("code", code);
        map.put("message", message);
        return map;
    }

    @Override
    public String toString() {
        return action + "(" + instanceId + ") " + result + (code == null ? "" : " " + code) + " requestId=" + requestId;
    }
}
