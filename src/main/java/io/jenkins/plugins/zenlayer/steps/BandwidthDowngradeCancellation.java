package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.ZenlayerClients;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
     * Runs the procedure.
     *
     * @throws AbortException if the input or the configuration cannot be used; nothing is sent then
     * @throws InterruptedException if the build is aborted or {@link #cancel()} is called
     */
    public ZenlayerCall perform() throws IOException, InterruptedException {
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        ConnectionSettings settings = global.getConnectionSettings();
        List<ResultOverride> globalOverrides = global.getResultOverrides();

        List<String> problems = new ArrayList<>();
        InstanceIds.check(instanceId)
                .map(problem -> Wording.instanceIdProblem(problem, instanceId))
                .ifPresent(problems::add);
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
        String id = instanceId.strip();
        PrintStream logger = listener.getLogger();
        Consumer<String> log = procedure.logTo(logger::println);
        log.accept(CallLog.start(
                procedure.firstAction(), id, config.endpoint(), config.apiVersion(), chosenCredentials.get()));

        ZenlayerService current = ZenlayerClients.service(auth, config);
        service = current;
        if (cancelled) {
            current.cancel();
        }
        ZenlayerCall call;
        try {
            call = procedure.run(current, id, new ResultPolicy.Rules(stepOverrides, globalOverrides), log);
        } catch (InvalidRequestException e) {
            throw new AbortException(Wording.instanceIdProblem(e.problem(), id));
        } finally {
            service = null;
        }
        ZenlayerCallsAction.record(run, call);
        return call;
    }

    /**
     * Aborts the call in progress at once, or the call about to start. Thread-safe; {@link #perform()} then throws
     * {@link InterruptedException}.
     */
    public void cancel() {
        cancelled = true;
        ZenlayerService current = service;
        if (current != null) {
            current.cancel();
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
        BuildOutcome outcome = call.buildOutcome();
        if (outcome == BuildOutcome.FAILURE) {
            throw new AbortException(call.failureMessage());
        }
        if (outcome == BuildOutcome.UNSTABLE) {
            listener.getLogger().println("WARNING: " + call.unstableReason());
            run.setResult(Result.UNSTABLE);
        }
    }

    /** The step's credential, else the global default; blank values count as absent. */
    static Optional<String> effectiveCredentialsId(@CheckForNull String stepId, @CheckForNull String globalId) {
        return Optional.ofNullable(ZenlayerCredentials.normalizeId(stepId))
                .or(() -> Optional.ofNullable(ZenlayerCredentials.normalizeId(globalId)));
    }
}
