package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table that turns the answer to a Zenlayer call (CancelInstanceBandwidthDowngrade, or the
 * DescribeInstanceInternetStatus read of the status step, a dry run or a verification) into a build result.
 *
 * <table>
 *   <caption>Default results</caption>
 *   <tr><th>Answer</th><th>Result</th></tr>
 *   <tr><td>success</td><td>SUCCESS</td></tr>
 *   <tr><td>no pending downgrade: {@code OPERATION_DENIED_DOWNGRADE_NOT_EXIST},
 *       {@code OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH}</td><td>UNSTABLE</td></tr>
 *   <tr><td>instance not billed by fixed bandwidth: {@code OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT},
 *       {@code OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH}</td><td>UNSTABLE</td></tr>
 *   <tr><td>verification found the downgrade still pending after the cancellation was accepted:
 *       {@code DOWNGRADE_STILL_PENDING}</td><td>UNSTABLE</td></tr>
 *   <tr><td>a selection of instances that matched none: {@code NO_INSTANCE_SELECTED}</td><td>UNSTABLE</td></tr>
 *   <tr><td>every other code, including unknown codes, authentication errors, exhausted retries, network
 *       failures and {@code SECURITY_CHALLENGE}</td><td>FAILURE</td></tr>
 * </table>
 *
 * <p>An error code's result can be overridden: an override on the step or build step wins over one in the global
 * configuration, which wins over the table. A successful answer is always SUCCESS.
 */
public final class ResultPolicy {

    /** Error codes are UPPER_SNAKE_CASE words. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private ResultPolicy() {}

    /** Where a decision came from, for the build log. */
    public enum Source {
        DEFAULT,
        GLOBAL_OVERRIDE,
        STEP_OVERRIDE
    }

    /** A build result and the rule that chose it. */
    public record Decision(BuildOutcome outcome, Source source) {}

    /**
     * The overrides in force for one step: its own, then the global ones. Both lists must have been checked with
     * {@link #problems}.
     */
    public record Rules(List<ResultOverride> stepOverrides, List<ResultOverride> globalOverrides) {

        /** The default table alone. */
        public static final Rules DEFAULT = new Rules(List.of(), List.of());

        public Rules {
            stepOverrides = List.copyOf(ResultOverride.copyOf(stepOverrides));
            globalOverrides = List.copyOf(ResultOverride.copyOf(globalOverrides));
        }

        /** See {@link ResultPolicy#decide}. */
        public Decision decide(boolean success, @CheckForNull String code) {
            return ResultPolicy.decide(success, code, stepOverrides, globalOverrides);
        }
    }

    /** The result of the default table, without overrides. */
    public static BuildOutcome defaultOutcome(boolean success, @CheckForNull String code) {
        if (success) {
            return BuildOutcome.SUCCESS;
        }
        if (ZenlayerErrorCodes.isNoPendingDowngrade(code)
                || ZenlayerErrorCodes.isChargeTypeNotSupported(code)
                || ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING.equals(code)
                || ZenlayerErrorCodes.NO_INSTANCE_SELECTED.equals(code)) {
            return BuildOutcome.UNSTABLE;
        }
        return BuildOutcome.FAILURE;
    }

    /**
     * Decides the result of one call. The override lists must have been checked with {@link #problems}; an entry
     * that does not parse is skipped here.
     */
    public static Decision decide(
            boolean success,
            @CheckForNull String code,
            List<ResultOverride> stepOverrides,
            List<ResultOverride> globalOverrides) {
        if (!success && code != null) {
            Optional<BuildOutcome> fromStep = lookup(stepOverrides, code);
            if (fromStep.isPresent()) {
                return new Decision(fromStep.get(), Source.STEP_OVERRIDE);
            }
            Optional<BuildOutcome> fromGlobal = lookup(globalOverrides, code);
            if (fromGlobal.isPresent()) {
                return new Decision(fromGlobal.get(), Source.GLOBAL_OVERRIDE);
            }
        }
        return new Decision(defaultOutcome(success, code), Source.DEFAULT);
    }

    private static Optional<BuildOutcome> lookup(@CheckForNull List<ResultOverride> overrides, String code) {
        if (overrides == null) {
            return Optional.empty();
        }
        for (ResultOverride override : overrides) {
            if (override != null && override.getCode().equals(code)) {
                return BuildOutcome.parse(override.getResult());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with an override's code, if anything. */
    public static Optional<String> codeProblem(@CheckForNull String code) {
        String value = code == null ? "" : code.strip();
        if (value.isEmpty()) {
            return Optional.of(Messages.ResultOverride_codeMissing());
        }
        if (!CODE.matcher(value).matches()) {
            return Optional.of(Messages.ResultOverride_codeMalformed(value));
        }
        return Optional.empty();
    }

    /** What is wrong with an override's result, if anything. */
    public static Optional<String> resultProblem(@CheckForNull String result) {
        String value = result == null ? "" : result.strip();
        if (value.isEmpty()) {
            return Optional.of(Messages.ResultOverride_resultMissing());
        }
        if (BuildOutcome.parse(value).isEmpty()) {
            return Optional.of(Messages.ResultOverride_resultUnknown(value));
        }
        return Optional.empty();
    }

    /**
     * Every problem of an override list, each naming where the list is configured; empty when the list can be
     * used.
     *
     * @param where for example "the global configuration" or "this step"
     */
    public static List<String> problems(@CheckForNull List<ResultOverride> overrides, String where) {
        List<String> problems = new ArrayList<>();
        if (overrides == null) {
            return problems;
        }
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (ResultOverride override : overrides) {
            position++;
            if (override == null) {
                continue;
            }
            int number = position;
            codeProblem(override.getCode())
                    .ifPresent(p -> problems.add(Messages.ResultOverride_problemAt(where, number, p)));
            resultProblem(override.getResult())
                    .ifPresent(p -> problems.add(Messages.ResultOverride_problemAt(where, number, p)));
            if (!override.getCode().isEmpty() && !seen.add(override.getCode())) {
                problems.add(Messages.ResultOverride_problemAt(
                        where, number, Messages.ResultOverride_codeDuplicate(override.getCode())));
            }
        }
        return problems;
    }
}
