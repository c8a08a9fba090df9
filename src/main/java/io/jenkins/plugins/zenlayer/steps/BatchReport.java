package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.InstanceResult;
import io.jenkins.plugins.zenlayer.api.InvalidRequestException;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a step did for several instances: one entry per distinct instance, in the order given. The step's result is the
 * worst of the entries' results.
 *
 * @param entries one per distinct instance, in input order
 * @param duplicates how many IDs were left out because they occurred earlier in the list
 */
public record BatchReport(@NonNull List<Entry> entries, int duplicates) {

    /**
     * One instance of the batch.
     *
     * @param instanceId the instance ID as sent
     * @param call what the build recorded for it; {@code null} when its call threw instead of ending with an answer
     * @param error why there is no call, for the log and the returned map
     */
    public record Entry(
            @NonNull String instanceId,
            @CheckForNull ZenlayerCall call,
            @CheckForNull String error) {

        public Entry {
            Objects.requireNonNull(instanceId, "instanceId");
            if ((call == null) == (error == null)) {
                throw new IllegalArgumentException("an entry has a call or an error");
            }
        }

        /** The entry's build result; an error is a failure. */
        public BuildOutcome buildOutcome() {
            return call == null ? BuildOutcome.FAILURE : call.buildOutcome();
        }

        Map<String, Object> toStepResult() {
            if (call != null) {
                return call.toStepResult();
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("instanceId", instanceId);
            map.put("result", BuildOutcome.FAILURE.name());
            map.put("code", null);
            map.put("message", error);
            return map;
        }
    }

    public BatchReport {
        entries = List.copyOf(entries);
    }

    /** The worst result of all entries: FAILURE over UNSTABLE over SUCCESS. */
    public BuildOutcome buildOutcome() {
        BuildOutcome worst = BuildOutcome.SUCCESS;
        for (Entry entry : entries) {
            if (entry.buildOutcome().compareTo(worst) > 0) {
                worst = entry.buildOutcome();
            }
        }
        return worst;
    }

    /** The IDs whose result is {@code outcome}, in order. */
    public List<String> instancesWith(BuildOutcome outcome) {
        List<String> ids = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.buildOutcome() == outcome) {
                ids.add(entry.instanceId());
            }
        }
        return ids;
    }

    /** The closing line of the batch: how many instances ended how, naming those that did not succeed. */
    public String summary() {
        return CallLog.PREFIX
                + Messages.Batch_summary(
                        entries.size(),
                        instancesWith(BuildOutcome.SUCCESS).size(),
                        named(instancesWith(BuildOutcome.UNSTABLE)),
                        named(instancesWith(BuildOutcome.FAILURE)),
                        duplicates);
    }

    /** The message of the exception that fails the build, naming every failed instance. */
    public String failureMessage() {
        List<String> failed = instancesWith(BuildOutcome.FAILURE);
        return Messages.Batch_failure(
                failed.size(),
                entries.size(),
                String.join(", ", failed),
                firstProblem(failed, ZenlayerCall::failureMessage));
    }

    /** Why the build is unstable, naming every unstable instance. */
    public String unstableReason() {
        List<String> unstable = instancesWith(BuildOutcome.UNSTABLE);
        return Messages.Batch_unstable(
                unstable.size(),
                entries.size(),
                String.join(", ", unstable),
                firstProblem(unstable, ZenlayerCall::unstableReason));
    }

    /** The explanation of the first of {@code ids}, so that the message says what went wrong, not only where. */
    private String firstProblem(List<String> ids, Function<ZenlayerCall, String> explanation) {
        for (Entry entry : entries) {
            if (!ids.isEmpty() && entry.instanceId().equals(ids.get(0))) {
                return entry.call() == null ? CallLog.oneLine(entry.error()) : explanation.apply(entry.call());
            }
        }
        return "";
    }

    private static String named(List<String> ids) {
        return ids.isEmpty() ? "0" : ids.size() + " (" + String.join(", ", ids) + ")";
    }

    /**
     * The Pipeline step's return value: {@code result} (the worst), {@code succeeded}, {@code unstable} and
     * {@code failed} counts, {@code duplicates}, and {@code instances}, one map per instance as a single call
     * returns it. Plain maps and lists, so sandboxed scripts can read them.
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", buildOutcome().name());
        map.put("succeeded", instancesWith(BuildOutcome.SUCCESS).size());
        map.put("unstable", instancesWith(BuildOutcome.UNSTABLE).size());
        map.put("failed", instancesWith(BuildOutcome.FAILURE).size());
        map.put("duplicates", duplicates);
        List<Map<String, Object>> instances = new ArrayList<>();
        for (Entry entry : entries) {
            instances.add(entry.toStepResult());
        }
        map.put("instances", instances);
        return map;
    }

    /** Entries are built only from finished or failed instances; aborted batches end the step instead. */
    static Entry entryOf(InstanceResult result, @CheckForNull ZenlayerCall call) {
        if (call != null) {
            return new Entry(result.instanceId(), call, null);
        }
        Throwable error = result.error();
        String text;
        if (error instanceof InvalidRequestException invalid) {
            text = Wording.instanceIdProblem(invalid.problem(), result.instanceId());
        } else if (error != null) {
            text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        } else {
            text = Messages.Batch_noResult();
        }
        return new Entry(result.instanceId(), null, text);
    }
}
