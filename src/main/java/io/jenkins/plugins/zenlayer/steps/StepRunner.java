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
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.api.InstanceInfo;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
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
import java.util.function.Predicate;

/**
 * Runs a Zenlayer step in a build, for the Pipeline steps and the freestyle build step alike: checks the input and the
 * configuration, finds the credential, runs the {@link DowngradeProcedure} for every instance (one instance is a batch
 * of one), records each call on the build as it completes, and then gives the build result and the step's return
 * value. The step's input decides only the shape: one instance ({@code instanceId}) or a fleet ({@code instanceIds}).
 */
public final class StepRunner {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final boolean fleet;
    private List<ZenlayerCall> calls = List.of();
    private int duplicates;
    /** Whether the step's instances came from a selection. */
    private boolean selection;
    /** Instances of a selection that were skipped, with the reason. */
    private final Map<String, String> skipped = new LinkedHashMap<>();

    /**
     * @param fleet whether the step was given a list of instances: each line names its instance, and the result is
     *     the fleet's
     */
    public StepRunner(Run<?, ?> run, TaskListener listener, boolean fleet) {
        this.run = run;
        this.listener = listener;
        this.fleet = fleet;
    }

    /**
     * Runs the step for {@code instanceIds}.
     *
     * @param procedure what to do with each instance: read the status, a dry run, or cancel (verified or not)
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
            DowngradeProcedure procedure,
            List<String> instanceIds,
            @CheckForNull Integer concurrency,
            @CheckForNull String credentialsId,
            List<ResultOverride> stepOverrides)
            throws IOException, InterruptedException {
        int inFlight = concurrency == null ? BatchRunner.DEFAULT_CONCURRENCY : concurrency;
        List<String> problems = new ArrayList<>(instanceIdProblems(instanceIds));
        concurrencyProblem(inFlight).ifPresent(problems::add);
        Prepared prepared = prepare(problems, credentialsId, stepOverrides);
        BatchRunner.Distinct distinct = BatchRunner.Distinct.of(instanceIds);
        duplicates = distinct.duplicates().size();

        PrintStream logger = listener.getLogger();
        if (fleet) {
            procedure
                    .logTo(logger::println)
                    .accept(CallLog.batchStart(
                            procedure.firstAction(),
                            distinct.instanceIds().size(),
                            prepared.config().endpoint(),
                            prepared.config().apiVersion(),
                            prepared.credentialsId(),
                            inFlight));
            distinct.duplicates().forEach(d -> logger.println(CallLog.duplicate(d)));
        } else {
            procedure
                    .logTo(logger::println)
                    .accept(CallLog.start(
                            procedure.firstAction(),
                            distinct.instanceIds().get(0),
                            prepared.config().endpoint(),
                            prepared.config().apiVersion(),
                            prepared.credentialsId()));
        }
        return runAll(procedure, distinct.instanceIds(), inFlight, prepared);
    }

    /**
     * Runs the step for the instances a selection names: lists them (DescribeInstances, every page), skips those that
     * cannot have a bandwidth downgrade order (not prepaid, or not billed by bandwidth), and runs the procedure for
     * the others as a fleet; a cancellation reads each instance's status first and cancels only where a downgrade is
     * pending. A selection that matches nothing gives {@code NO_INSTANCE_SELECTED} (UNSTABLE by default).
     *
     * @throws AbortException if the input or the configuration cannot be used, or more instances match than one step
     *     takes; nothing is changed then
     */
    public List<ZenlayerCall> runSelection(
            DowngradeProcedure procedure,
            InstanceSelection selection,
            @CheckForNull Integer concurrency,
            @CheckForNull String credentialsId,
            List<ResultOverride> stepOverrides)
            throws IOException, InterruptedException {
        this.selection = true;
        InstanceFilter filter = selection.toFilter();
        int inFlight = concurrency == null ? BatchRunner.DEFAULT_CONCURRENCY : concurrency;
        List<String> problems = new ArrayList<>(filterProblems(filter));
        concurrencyProblem(inFlight).ifPresent(problems::add);
        Prepared prepared = prepare(problems, credentialsId, stepOverrides);
        DowngradeProcedure selected = procedure.forSelection();
        PrintStream logger = listener.getLogger();
        selected.logTo(logger::println)
                .accept(CallLog.PREFIX
                        + Messages.CallLog_selectStart(
                                selected.firstAction(),
                                describe(filter),
                                prepared.config().endpoint(),
                                prepared.config().apiVersion(),
                                prepared.credentialsId(),
                                inFlight));
        FleetListing listing = FleetListing.list(
                prepared.service(), filter, BatchRunner.MAX_INSTANCES, selected.logTo(logger::println));
        CallOutcome failed = listing.failed();
        if (failed != null) {
            calls = List.of(listingFailed(failed, filter, prepared.rules()));
            return calls;
        }
        if (listing.totalCount() > BatchRunner.MAX_INSTANCES) {
            throw new AbortException(
                    Messages.Select_tooMany(listing.totalCount(), describe(filter), BatchRunner.MAX_INSTANCES));
        }
        if (listing.instances().isEmpty()) {
            ResultPolicy.Decision decision = prepared.rules().decide(false, ZenlayerErrorCodes.NO_INSTANCE_SELECTED);
            String message = Messages.Select_noneMatched(describe(filter));
            logger.println(CallLog.result(null, decision, ZenlayerErrorCodes.NO_INSTANCE_SELECTED, message));
            calls = List.of(record(new ZenlayerCall(
                    ZenlayerService.DESCRIBE_INSTANCES,
                    describe(filter),
                    null,
                    decision.outcome().name(),
                    ZenlayerErrorCodes.NO_INSTANCE_SELECTED,
                    message,
                    ZenlayerCall.Purpose.LIST,
                    null,
                    null)));
            return calls;
        }
        List<String> kept = listing.eligible();
        skipped.putAll(listing.skipped());
        skipped.forEach(
                (id, reason) -> logger.println(CallLog.PREFIX + Messages.CallLog_skipped(CallLog.oneLine(id), reason)));
        logger.println(
                CallLog.PREFIX + Messages.CallLog_selected(listing.instances().size(), kept.size()));
        return kept.isEmpty() ? calls : runAll(selected, kept, inFlight, prepared);
    }

    /**
     * Lists the instances of a filter, every page, for the instances step. A failed page is recorded on the build and
     * decided by the result table.
     *
     * @throws AbortException if the input or the configuration cannot be used, or more instances match than one step
     *     takes; nothing is sent then, or one page at most
     */
    public List<InstanceInfo> list(
            InstanceFilter filter, @CheckForNull String credentialsId, List<ResultOverride> stepOverrides)
            throws IOException, InterruptedException {
        Prepared prepared = prepare(new ArrayList<>(filterProblems(filter)), credentialsId, stepOverrides);
        PrintStream logger = listener.getLogger();
        logger.println(CallLog.PREFIX
                + Messages.Instances_start(
                        describe(filter),
                        prepared.config().endpoint(),
                        prepared.config().apiVersion(),
                        prepared.credentialsId()));
        FleetListing listing =
                FleetListing.list(prepared.service(), filter, BatchRunner.MAX_INSTANCES, logger::println);
        CallOutcome failed = listing.failed();
        if (failed != null) {
            calls = List.of(listingFailed(failed, filter, prepared.rules()));
            return List.of();
        }
        if (listing.totalCount() > BatchRunner.MAX_INSTANCES) {
            throw new AbortException(
                    Messages.Select_tooMany(listing.totalCount(), describe(filter), BatchRunner.MAX_INSTANCES));
        }
        logger.println(
                CallLog.PREFIX + Messages.Instances_listed(listing.instances().size()));
        return listing.instances();
    }

    /** What a run needs once its input is checked. */
    private record Prepared(
            ZenlayerAuth auth, ZenlayerClientConfig config, ResultPolicy.Rules rules, String credentialsId) {
        ZenlayerService service() {
            return ZenlayerClients.service(auth, config);
        }
    }

    /**
     * Adds the problems of the overrides, the settings and the credential choice to {@code problems}, and finds the
     * credential when there are none.
     *
     * @throws AbortException listing every problem; nothing is sent then
     */
    private Prepared prepare(
            List<String> problems, @CheckForNull String credentialsId, List<ResultOverride> stepOverrides)
            throws IOException {
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        List<ResultOverride> globalOverrides = global.getResultOverrides();
        problems.addAll(ResultPolicy.problems(stepOverrides, Messages.Where_step()));
        problems.addAll(ResultPolicy.problems(globalOverrides, Messages.Where_global()));
        problems.addAll(global.settingsProblems());
        Optional<String> chosenCredentials = effectiveCredentialsId(credentialsId, global.getCredentialsId());
        if (chosenCredentials.isEmpty()) {
            problems.add(Messages.Credentials_noneConfigured());
        }
        if (!problems.isEmpty()) {
            throw new AbortException(String.join(System.lineSeparator(), problems));
        }
        return new Prepared(
                ZenlayerCredentials.forBuild(chosenCredentials.get(), run, global.getEndpoint()),
                global.toClientConfig(),
                new ResultPolicy.Rules(stepOverrides, globalOverrides),
                chosenCredentials.get());
    }

    /** Runs {@code how} for the instances as the step's fleet (or its one instance), each call recorded as it ends. */
    private List<ZenlayerCall> runAll(DowngradeProcedure how, List<String> instanceIds, int inFlight, Prepared prepared)
            throws InterruptedException {
        PrintStream logger = listener.getLogger();
        try {
            calls = how.runAll(
                    instanceIds,
                    inFlight,
                    prepared::service,
                    prepared.rules(),
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

    /** The record of a DescribeInstances page that failed, decided by the result table, on the build and in the log. */
    private ZenlayerCall listingFailed(CallOutcome failed, InstanceFilter filter, ResultPolicy.Rules rules) {
        // A successful answer without the list is not one the step can use.
        String code = failed.success() ? ZenlayerErrorCodes.UNEXPECTED_RESPONSE : failed.code();
        String message = failed.success() ? Messages.Select_noList() : Wording.errorMessage(failed);
        ResultPolicy.Decision decision = rules.decide(false, code);
        listener.getLogger().println(CallLog.result(failed.requestId(), decision, code, message));
        return record(new ZenlayerCall(
                ZenlayerService.DESCRIBE_INSTANCES,
                describe(filter),
                failed.requestId(),
                decision.outcome().name(),
                code,
                message == null ? null : CallLog.oneLine(message),
                ZenlayerCall.Purpose.LIST,
                null,
                null));
    }

    private ZenlayerCall record(ZenlayerCall call) {
        ZenlayerCallsAction.record(run, call);
        return call;
    }

    /** The filters, or "no filter", for messages. */
    static String describe(InstanceFilter filter) {
        String text = filter.describe();
        return text.isEmpty() ? Messages.Select_noFilter() : text;
    }

    private static List<String> filterProblems(InstanceFilter filter) {
        return filter.instanceIds().size() > InstanceFilter.MAX_INSTANCE_IDS
                ? List.of(Messages.Select_tooManyIds(filter.instanceIds().size(), InstanceFilter.MAX_INSTANCE_IDS))
                : List.of();
    }

    private static Optional<String> concurrencyProblem(int inFlight) {
        return inFlight < 1 || inFlight > BatchRunner.MAX_CONCURRENCY
                ? Optional.of(Messages.Batch_concurrency(inFlight, BatchRunner.MAX_CONCURRENCY))
                : Optional.empty();
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

    /** The Pipeline step's return value: see {@link #stepResult(List, boolean, int, Map)}. */
    public Map<String, Object> stepResult() {
        return stepResult(calls, fleet, duplicates, selection ? skipped : null);
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
     * instance in order. For a selection also {@code cancelled} (instances whose downgrade was cancelled),
     * {@code nothingPending} (instances with nothing to cancel, for which no cancellation was sent) and
     * {@code skipped} (instances that cannot have a downgrade order, each with {@code instanceId} and {@code reason}).
     *
     * @param skipped the skipped instances of a selection, {@code null} without a selection
     */
    static Map<String, Object> stepResult(
            List<ZenlayerCall> calls, boolean fleet, int duplicates, @CheckForNull Map<String, String> skipped) {
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
        if (skipped != null) {
            map.put(
                    "cancelled",
                    idsWhere(calls, c -> c.isCancellationSent() && c.buildOutcome() == BuildOutcome.SUCCESS));
            map.put("nothingPending", idsWhere(calls, ZenlayerCall::hadNothingToCancel));
            List<Map<String, Object>> skips = new ArrayList<>();
            skipped.forEach((id, reason) -> {
                Map<String, Object> skip = new LinkedHashMap<>();
                skip.put("instanceId", id);
                skip.put("reason", reason);
                skips.add(skip);
            });
            map.put("skipped", skips);
        }
        return map;
    }

    private static List<String> idsWhere(List<ZenlayerCall> calls, Predicate<ZenlayerCall> test) {
        return new ArrayList<>(
                calls.stream().filter(test).map(ZenlayerCall::getInstanceId).toList());
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
