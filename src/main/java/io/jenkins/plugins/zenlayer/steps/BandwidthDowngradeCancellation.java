package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.ZenlayerClients;
import io.jenkins.plugins.zenlayer.api.BatchListener;
import io.jenkins.plugins.zenlayer.api.BatchResult;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.InstanceAction;
import io.jenkins.plugins.zenlayer.api.InstanceIdProblem;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.api.InstanceResult;
import io.jenkins.plugins.zenlayer.api.InvalidRequestException;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.BuildOutcome;
import io.jenkins.plugins.zenlayer.config.ConnectionSettings;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a {@link DowngradeProcedure} for one instance in a build: shared by the Pipeline steps and the freestyle build
 * step. Checks the input and the configuration, finds the credential, opens the service, lets the procedure call the
 * API and log, records the call on the build, and returns it with the result it leads to; {@link #apply} then sets
 * the build result.
 */
public final class BandwidthDowngradeCancellation {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final String instanceId;
    private final String credentialsId;
    private final List<ResultOverride> stepOverrides;
    private final DowngradeProcedure procedure;

    private volatile ZenlayerService service;
    private volatile BatchRunner batch;
    private volatile boolean cancelled;

    /** A cancellation without verification; see the full constructor. */
    public BandwidthDowngradeCancellation(
            Run<?, ?> run,
            TaskListener listener,
            @CheckForNull String instanceId,
            @CheckForNull String credentialsId,
            @CheckForNull List<ResultOverride> stepOverrides) {
        this(run, listener, instanceId, credentialsId, stepOverrides, DowngradeProcedure.cancel(false));
    }

    /**
     * @param instanceId the instance ID with variables already expanded
     * @param credentialsId the credential of the step, or {@code null} for the global default
     * @param stepOverrides the step's result overrides
     * @param procedure what to do: read the status, a dry run, or cancel (verified or not)
     */
    public BandwidthDowngradeCancellation(
            Run<?, ?> run,
            TaskListener listener,
            @CheckForNull String instanceId,
            @CheckForNull String credentialsId,
            @CheckForNull List<ResultOverride> stepOverrides,
            DowngradeProcedure procedure) {
        this.run = run;
        this.listener = listener;
        this.instanceId = instanceId;
        this.credentialsId = credentialsId;
        this.stepOverrides = stepOverrides == null ? List.of() : List.copyOf(stepOverrides);
        this.procedure = Objects.requireNonNull(procedure, "procedure");
    }

    /**
     * Runs the procedure for the one instance.
     *
     * @throws AbortException if the input or the configuration cannot be used; nothing is sent then
     * @throws InterruptedException if the build is aborted or {@link #cancel()} is called
     */
    public ZenlayerCall perform() throws IOException, InterruptedException {
        Prepared prepared = prepare(Collections.singletonList(instanceId), BatchRunner.DEFAULT_CONCURRENCY);
        String id = instanceId.strip();
        Consumer<String> log = procedure.logTo(listener.getLogger()::println);
        log.accept(CallLog.start(
                procedure.firstAction(),
                id,
                prepared.config().endpoint(),
                prepared.config().apiVersion(),
                prepared.credentialsId()));

        ZenlayerService current = ZenlayerClients.service(prepared.auth(), prepared.config());
        service = current;
        if (cancelled) {
            current.cancel();
        }
        ZenlayerCall call;
        try {
            call = procedure.run(current, id, prepared.rules(), log);
        } catch (InvalidRequestException e) {
            throw new AbortException(Wording.instanceIdProblem(e.problem(), id));
        } finally {
            service = null;
        }
        ZenlayerCallsAction.record(run, call);
        return call;
    }

    /**
     * Runs the procedure for several instances as one batch: {@code concurrency} at a time, at the pace the API's
     * rate limit allows, each distinct instance once. Every line of an instance names it; the build records one call
     * per instance, in the order given.
     *
     * @param instanceIds the instance IDs with variables already expanded; blank entries are not allowed
     * @throws AbortException if an ID, the number of IDs, the concurrency or the configuration cannot be used;
     *     nothing is sent then
     * @throws InterruptedException if the build is aborted or {@link #cancel()} is called; the log then says which
     *     instances were done, which were cancelled in flight and which never started
     */
    public BatchReport performBatch(List<String> instanceIds, int concurrency)
            throws IOException, InterruptedException {
        Prepared prepared = prepare(instanceIds, concurrency);
        PrintStream logger = listener.getLogger();
        Map<String, ZenlayerCall> calls = new ConcurrentHashMap<>();
        InstanceAction action = procedure.inBatch(prepared.rules(), logger::println, calls);
        BatchRunner runner = new BatchRunner(
                instanceIds, concurrency, () -> ZenlayerClients.service(prepared.auth(), prepared.config()), action);
        batch = runner;
        if (cancelled) {
            runner.cancel();
        }
        procedure
                .logTo(logger::println)
                .accept(CallLog.batchStart(
                        procedure.firstAction(),
                        runner.instanceIds().size(),
                        prepared.config().endpoint(),
                        prepared.config().apiVersion(),
                        prepared.credentialsId(),
                        concurrency));
        for (BatchResult.Duplicate duplicate : runner.duplicates()) {
            logger.println(CallLog.duplicate(duplicate));
        }
        BatchResult result;
        try {
            result = runner.run(new BatchLog(logger));
        } finally {
            batch = null;
        }
        List<BatchReport.Entry> entries = new ArrayList<>();
        for (InstanceResult instance : result.results()) {
            ZenlayerCall call = calls.get(instance.instanceId());
            if (call != null) {
                ZenlayerCallsAction.record(run, call);
            }
            if (instance.state() == InstanceResult.State.FINISHED || instance.state() == InstanceResult.State.ERROR) {
                entries.add(BatchReport.entryOf(instance, call));
            }
        }
        if (result.aborted()) {
            logger.println(CallLog.batchAborted(result));
            Thread.interrupted(); // the runner restores an interrupt; the exception below reports it instead
            throw new InterruptedException(Messages.Batch_aborted());
        }
        BatchReport report = new BatchReport(entries, result.duplicates().size());
        logger.println(report.summary());
        return report;
    }

    /** What a run needs once its input is checked. */
    private record Prepared(
            ZenlayerAuth auth, ZenlayerClientConfig config, ResultPolicy.Rules rules, String credentialsId) {}

    /**
     * Checks every input and the configuration, listing all problems at once, and finds the credential.
     *
     * @throws AbortException listing the problems; nothing is sent then
     */
    private Prepared prepare(List<String> instanceIds, int concurrency) throws IOException {
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        ConnectionSettings settings = global.getConnectionSettings();
        List<ResultOverride> globalOverrides = global.getResultOverrides();

        List<String> problems = new ArrayList<>();
        if (instanceIds.isEmpty()) {
            problems.add(Wording.instanceIdProblem(InstanceIdProblem.MISSING, null));
        }
        boolean several = instanceIds.size() > 1;
        for (int i = 0; i < instanceIds.size(); i++) {
            String id = instanceIds.get(i);
            int position = i + 1;
            InstanceIds.check(id)
                    .map(problem -> Wording.instanceIdProblem(problem, id))
                    .map(text -> several ? Messages.Batch_problemAt(position, text) : text)
                    .ifPresent(problems::add);
        }
        long distinct = instanceIds.stream()
                .map(id -> id == null ? "" : id.strip())
                .distinct()
                .count();
        if (distinct > BatchRunner.MAX_INSTANCES) {
            problems.add(Messages.Batch_tooMany(distinct, BatchRunner.MAX_INSTANCES));
        }
        if (concurrency < 1 || concurrency > BatchRunner.MAX_CONCURRENCY) {
            problems.add(Messages.Batch_concurrency(concurrency, BatchRunner.MAX_CONCURRENCY));
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
        return new Prepared(
                auth,
                settings.toClientConfig(),
                new ResultPolicy.Rules(stepOverrides, globalOverrides),
                chosenCredentials.get());
    }

    /** The batch's own lines: calls made again after the rate limit, and the batch slowing down. */
    private static final class BatchLog implements BatchListener {
        private final PrintStream logger;

        BatchLog(PrintStream logger) {
            this.logger = logger;
        }

        @Override
        public void onStart(String instanceId, int round) {
            if (round > 1) {
                logger.println(CallLog.forInstance(instanceId, CallLog.calledAgain(round)));
            }
        }

        @Override
        public void onSlowDown(String instanceId, double callsPerSecond) {
            logger.println(CallLog.slowDown(instanceId, callsPerSecond));
        }
    }

    /**
     * Aborts the call in progress at once, or the call about to start; for a batch, every call in flight, and no other
     * starts. Thread-safe; {@link #perform()} then throws
     * {@link InterruptedException}.
     */
    public void cancel() {
        cancelled = true;
        ZenlayerService current = service;
        if (current != null) {
            current.cancel();
        }
        BatchRunner running = batch;
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * Stops the step that makes this call: first {@code recordCause}, which records why the step stops, then the
     * abort. The step's thread, woken by the abort, reports the recorded cause if there is one and its own
     * "cancelled" failure otherwise, so the other order would turn a timeout or an abort into a failure. The call is
     * aborted even if recording fails.
     */
    public void stopAfter(CauseRecorder recordCause) throws Exception {
        try {
            recordCause.run();
        } finally {
            cancel();
        }
    }

    /** Records why a step stops; {@code StepExecution.stop} for a Pipeline step. */
    @FunctionalInterface
    public interface CauseRecorder {
        void run() throws Exception;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /**
     * Sets the build result for a call: UNSTABLE marks the build and logs a warning; FAILURE throws.
     *
     * @throws AbortException for FAILURE, with the code, message and request ID
     */
    public static void apply(ZenlayerCall call, Run<?, ?> run, TaskListener listener) throws AbortException {
        apply(call.buildOutcome(), call::failureMessage, call::unstableReason, run, listener);
    }

    /**
     * Sets the build result for a batch, once: the worst of its instances' results.
     *
     * @throws AbortException for FAILURE, naming every failed instance
     */
    public static void apply(BatchReport report, Run<?, ?> run, TaskListener listener) throws AbortException {
        apply(report.buildOutcome(), report::failureMessage, report::unstableReason, run, listener);
    }

    private static void apply(
            BuildOutcome outcome,
            Supplier<String> failure,
            Supplier<String> unstable,
            Run<?, ?> run,
            TaskListener listener)
            throws AbortException {
        if (outcome == BuildOutcome.FAILURE) {
            throw new AbortException(failure.get());
        }
        if (outcome == BuildOutcome.UNSTABLE) {
            listener.getLogger().println("WARNING: " + unstable.get());
            run.setResult(Result.UNSTABLE);
        }
    }

    /** The step's credential, else the global default; blank values count as absent. */
    static Optional<String> effectiveCredentialsId(@CheckForNull String stepId, @CheckForNull String globalId) {
        return Optional.ofNullable(ZenlayerCredentials.normalizeId(stepId))
                .or(() -> Optional.ofNullable(ZenlayerCredentials.normalizeId(globalId)));
    }
}
