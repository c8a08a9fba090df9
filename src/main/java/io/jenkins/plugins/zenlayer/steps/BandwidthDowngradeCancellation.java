package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.ZenlayerClients;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cancels the pending bandwidth downgrade of one instance for a build: shared by the Pipeline step and the freestyle
 * build step. Checks the input and the configuration, calls the API, logs every attempt and the result, records the
 * call on the build, and returns it with the result it leads to; {@link #apply} then sets the build result.
 */
public final class BandwidthDowngradeCancellation {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final String instanceId;
    private final String credentialsId;
    private final List<ResultOverride> stepOverrides;

    private volatile ZenlayerService service;
    private volatile boolean cancelled;

    /**
     * @param instanceId the instance ID with variables already expanded
     * @param credentialsId the credential of the step, or {@code null} for the global default
     * @param stepOverrides the step's result overrides
     */
    public BandwidthDowngradeCancellation(
            Run<?, ?> run,
            TaskListener listener,
            @CheckForNull String instanceId,
            @CheckForNull String credentialsId,
            @CheckForNull List<ResultOverride> stepOverrides) {
        this.run = run;
        this.listener = listener;
        this.instanceId = instanceId;
        this.credentialsId = credentialsId;
        this.stepOverrides = stepOverrides == null ? List.of() : List.copyOf(stepOverrides);
    }

    /**
     * Makes the call.
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
        PrintStream log = listener.getLogger();
        log.println(CallLog.start(
                ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE,
                id,
                config.endpoint(),
                config.apiVersion(),
                chosenCredentials.get()));

        ZenlayerService current = ZenlayerClients.service(auth, config);
        service = current;
        if (cancelled) {
            current.cancel();
        }
        CallOutcome outcome;
        try {
            outcome = current.cancelInstanceBandwidthDowngrade(id, new LoggingAttemptListener(log));
        } catch (InvalidRequestException e) {
            throw new AbortException(Wording.instanceIdProblem(e.problem(), id));
        } finally {
            service = null;
        }

        ResultPolicy.Decision decision =
                ResultPolicy.decide(outcome.success(), outcome.code(), stepOverrides, globalOverrides);
        CallLog.note(outcome).ifPresent(log::println);
        log.println(CallLog.result(outcome, decision));
        ZenlayerCall call = ZenlayerCall.of(outcome, decision, System.currentTimeMillis());
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

    /** Writes one line per attempt and per backoff to the build log. */
    private static final class LoggingAttemptListener implements AttemptListener {
        private final PrintStream log;

        LoggingAttemptListener(PrintStream log) {
            this.log = log;
        }

        @Override
        public void onAttempt(AttemptRecord attempt) {
            log.println(CallLog.attempt(attempt));
        }

        @Override
        public void onBackoff(int nextAttempt, Duration wait, String reason) {
            log.println(CallLog.backoff(nextAttempt, wait, reason));
        }
    }
}
