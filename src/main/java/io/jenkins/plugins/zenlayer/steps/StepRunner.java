package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.ZenlayerClients;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ConnectionSettings;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Zenlayer step in a build, for the Pipeline steps and the freestyle build step alike: checks the input and the
 * configuration, finds the credential, runs the {@link DowngradeProcedure} for every instance (one instance is a batch
 * of one), records each call on the build as it completes, and then gives the build result and the step's return
 * value. The step's input decides only the shape: one instance ({@code instanceId}) or a fleet ({@code instanceIds}).
 */
public final class StepRunner {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final DowngradeProcedure procedure;
    private final boolean fleet;
    private List<ZenlayerCall> calls = List.of();
    private int duplicates;

    /**
     * @param fleet whether the step was given a list of instances: each line names its instance, and the result is
     *     the fleet's
     */
    public StepRunner(Run<?, ?> run, TaskListener listener, DowngradeProcedure procedure, boolean fleet) {
        this.run = run;
        this.listener = listener;
        this.procedure = procedure;
        this.fleet = fleet;
    }

    /**
     * Runs the step for {@code instanceIds}.
     *
     * @param instanceIds the instance IDs with variables already expanded; one, unless the step is for a fleet
     * @param concurrency instances worked on at once; {@code null} for the default
     * @param credentialsId the step's credential, or {@code null} for the global default
     * @param stepOverrides the step's result overrides
     * @return one call per distinct instance, in order
     * @throws AbortException if the input or the configuration cannot be used, listing every problem; nothing is sent
     * @throws InterruptedException if the build is aborted; for a fleet, the log says which instances were done,
     *     which were in flight and which never started
     */
    public List<ZenlayerCall> run(
            List<String> instanceIds,
            @CheckForNull Integer concurrency,
            @CheckForNull String credentialsId,
            List<ResultOverride> stepOverrides)
            throws IOException, InterruptedException {
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        ConnectionSettings settings = global.getConnectionSettings();
        List<ResultOverride> globalOverrides = global.getResultOverrides();
        int inFlight = concurrency == null ? BatchRunner.DEFAULT_CONCURRENCY : concurrency;

        List<String> problems = new ArrayList<>(instanceIdProblems(instanceIds));
        if (inFlight < 1 || inFlight > BatchRunner.MAX_CONCURRENCY) {
            problems.add(Messages.Batch_concurrency(inFlight, BatchRunner.MAX_CONCURRENCY));
        }
        problems.addAll(ResultPolicy.problems(stepOverrides, Messages.Where_step()));
        problems.addAll(ResultPolicy.problems(globalOverrides, Messages.Where_global()));
        problems.addAll(settings.problems());
        Optional<String> chosenCredentials = effectiveCredentialsId(credentialsId, global.getCredentialsId());
        if (chosenCredentials.isEmpty()) {
            problems.add(Messages.Credentials_noneConfigured());
        }
        if (!problems.isEmpty()) {
            throw new AbortException(String.join(System.lineSeparator(), problems));
        }
        ZenlayerAuth auth = ZenlayerCredentials.forBuild(chosenCredentials.get(), run, settings.endpoint());
        ZenlayerClientConfig config = settings.toClientConfig();
        BatchRunner.Distinct distinct = BatchRunner.Distinct.of(instanceIds);
        duplicates = distinct.duplicates().size();

        PrintStream logger = listener.getLogger();
        if (fleet) {
            procedure
                    .logTo(logger::println)
                    .accept(CallLog.batchStart(
                            procedure.firstAction(),
                            distinct.instanceIds().size(),
                            config.endpoint(),
                            config.apiVersion(),
                            chosenCredentials.get(),
                            inFlight));
            distinct.duplicates().forEach(d -> logger.println(CallLog.duplicate(d)));
        } else {
            procedure
                    .logTo(logger::println)
                    .accept(CallLog.start(
                            procedure.firstAction(),
                            distinct.instanceIds().get(0),
                            config.endpoint(),
                            config.apiVersion(),
                            chosenCredentials.get()));
        }
        try {
            calls = procedure.runAll(
                    distinct.instanceIds(),
                    inFlight,
                    () -> ZenlayerClients.service(auth, config),
                    new ResultPolicy.Rules(stepOverrides, globalOverrides),
                    logger::println,
                    fleet,
                    call -> ZenlayerCallsAction.record(run, call));
        } catch (BatchRunner.Aborted e) {
            if (fleet) {
                logger.println(CallLog.batchAborted(e.finished(), e.inFlight(), e.notStarted()));
            }
            throw e;
        }
        if (fleet) {
            logger.println(CallLog.PREFIX
                    + Messages.Batch_summary(
                            calls.size(),
                            with(calls, BuildOutcome.SUCCESS).size(),
                            named(with(calls, BuildOutcome.UNSTABLE)),
                            named(with(calls, BuildOutcome.FAILURE)),
                            duplicates));
        }
        return calls;
    }

    /** Every problem of the instance IDs, each naming its position when there are several. */
    private List<String> instanceIdProblems(List<String> instanceIds) {
        List<String> problems = new ArrayList<>();
        if (instanceIds.isEmpty()) {
            problems.add(Wording.instanceIdProblem(InstanceIdProblem.MISSING, null));
        }
        for (int i = 0; i < instanceIds.size(); i++) {
            String id = instanceIds.get(i);
            int position = i + 1;
            InstanceIds.check(id)
                    .map(problem -> Wording.instanceIdProblem(problem, id))
                    .map(text -> fleet ? Messages.Batch_problemAt(position, text) : text)
                    .ifPresent(problems::add);
        }
        long distinct = instanceIds.stream()
                .map(id -> id == null ? "" : id.strip())
                .distinct()
                .count();
        if (distinct > BatchRunner.MAX_INSTANCES) {
            problems.add(Messages.Batch_tooMany(distinct, BatchRunner.MAX_INSTANCES));
        }
        return problems;
    }

    /** The build result of the step: the worst of its calls'. */
    public BuildOutcome buildOutcome() {
        return worst(calls);
    }

    /** Why the build is unstable; shown after {@code WARNING:} and on the Pipeline step. */
    public String unstableReason() {
        return unstableReason(calls, fleet);
    }

    /**
     * Sets the build result once: UNSTABLE marks the build and logs a warning; FAILURE throws.
     *
     * @throws AbortException for FAILURE, with the code, message and request ID (for a fleet: naming every failed
     *     instance)
     */
    public void applyResult() throws AbortException {
        BuildOutcome outcome = buildOutcome();
        if (outcome == BuildOutcome.FAILURE) {
            throw new AbortException(failureMessage(calls, fleet));
        }
        if (outcome == BuildOutcome.UNSTABLE) {
            listener.getLogger().println("WARNING: " + unstableReason());
            run.setResult(Result.UNSTABLE);
        }
    }

    /** The Pipeline step's return value: see {@link #stepResult(List, boolean, int)}. */
    public Map<String, Object> stepResult() {
        return stepResult(calls, fleet, duplicates);
    }

    /** The worst result of the calls: FAILURE over UNSTABLE over SUCCESS. */
    static BuildOutcome worst(List<ZenlayerCall> calls) {
        BuildOutcome worst = BuildOutcome.SUCCESS;
        for (ZenlayerCall call : calls) {
            if (call.buildOutcome().compareTo(worst) > 0) {
                worst = call.buildOutcome();
            }
        }
        return worst;
    }

    /** Why the calls make the build unstable: the one call's reason, or the fleet's naming every unstable instance. */
    static String unstableReason(List<ZenlayerCall> calls, boolean fleet) {
        if (!fleet) {
            return calls.get(0).unstableReason();
        }
        List<ZenlayerCall> unstable = with(calls, BuildOutcome.UNSTABLE);
        return Messages.Batch_unstable(
                unstable.size(),
                calls.size(),
                ids(unstable),
                unstable.isEmpty() ? "" : unstable.get(0).unstableReason());
    }

    /** Why the calls fail the build: the one call's failure, or the fleet's naming every failed instance. */
    static String failureMessage(List<ZenlayerCall> calls, boolean fleet) {
        if (!fleet) {
            return calls.get(0).failureMessage();
        }
        List<ZenlayerCall> failed = with(calls, BuildOutcome.FAILURE);
        return Messages.Batch_failure(
                failed.size(),
                calls.size(),
                ids(failed),
                failed.isEmpty() ? "" : failed.get(0).failureMessage());
    }

    /**
     * The Pipeline step's return value, plain maps and lists so that sandboxed scripts can read them. One instance:
     * its call's map ({@link ZenlayerCall#toStepResult()}). A fleet: {@code result} (the worst), {@code succeeded},
     * {@code unstable} and {@code failed} counts, {@code duplicates}, and {@code instances}, one call's map per
     * instance in order.
     */
    static Map<String, Object> stepResult(List<ZenlayerCall> calls, boolean fleet, int duplicates) {
        if (!fleet) {
            return calls.get(0).toStepResult();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", worst(calls).name());
        map.put("succeeded", with(calls, BuildOutcome.SUCCESS).size());
        map.put("unstable", with(calls, BuildOutcome.UNSTABLE).size());
        map.put("failed", with(calls, BuildOutcome.FAILURE).size());
        map.put("duplicates", duplicates);
        // Serializable, mutable types: Pipeline keeps the value in the program's state.
        map.put(
                "instances",
                new ArrayList<>(calls.stream().map(ZenlayerCall::toStepResult).toList()));
        return map;
    }

    private static List<ZenlayerCall> with(List<ZenlayerCall> calls, BuildOutcome outcome) {
        return calls.stream().filter(c -> c.buildOutcome() == outcome).toList();
    }

    private static String ids(List<ZenlayerCall> calls) {
        return CallLog.list(
                calls.stream().map(c -> CallLog.oneLine(c.getInstanceId())).toList());
    }

    private static String named(List<ZenlayerCall> calls) {
        return calls.isEmpty()
                ? "0"
                : CallLog.counted(
                        calls.stream().map(ZenlayerCall::getInstanceId).toList());
    }

    /** The step's credential, else the global default; blank values count as absent. */
    static Optional<String> effectiveCredentialsId(@CheckForNull String stepId, @CheckForNull String globalId) {
        return Optional.ofNullable(ZenlayerCredentials.normalizeId(stepId))
                .or(() -> Optional.ofNullable(ZenlayerCredentials.normalizeId(globalId)));
    }
}
