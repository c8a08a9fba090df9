package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cancellation did: the call's outcome and the build result it leads to.
 *
 * @param instanceId the instance ID sent
 * @param outcome the answer, including every attempt
 * @param decision the build result and the rule that chose it
 */
public record CancellationReport(String instanceId, CallOutcome outcome, ResultPolicy.Decision decision) {

    public BuildOutcome buildOutcome() {
        return decision.outcome();
    }

    @CheckForNull
    public String requestId() {
        return outcome.requestId();
    }

    @CheckForNull
    public String code() {
        return outcome.code();
    }

    @CheckForNull
    public String message() {
        return outcome.message();
    }

    /** The message of the exception that fails the build. */
    public String failureMessage() {
        return CallLog.failureMessage(outcome.action(), instanceId, outcome);
    }

    /** Why the build is unstable. */
    public String unstableReason() {
        return CallLog.unstableReason(outcome.action(), instanceId, outcome);
    }

    /**
     * The Pipeline step's return value: {@code requestId}, {@code instanceId}, {@code result} ({@code SUCCESS} or
     * {@code UNSTABLE}), {@code code} and {@code message} (both {@code null} after a successful call). A plain map,
     * so sandboxed scripts can read it.
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", outcome.requestId());
        result.put("instanceId", instanceId);
        result.put("result", decision.outcome().name());
        result.put("code", outcome.code());
        result.put("message", outcome.message());
        return result;
    }

    /** The entry for the build's list of calls. */
    ZenlayerCall toCall(long timestamp) {
        return new ZenlayerCall(
                outcome.action(),
                instanceId,
                outcome.requestId(),
                decision.outcome().name(),
                outcome.code(),
                outcome.message() == null ? null : CallLog.oneLine(outcome.message()),
                timestamp);
    }
}
