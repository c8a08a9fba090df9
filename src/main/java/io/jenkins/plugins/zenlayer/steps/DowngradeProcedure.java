package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InternetStatus;
import io.jenkins.plugins.zenlayer.api.InvalidRequestException;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a step does with one instance once its input is checked and a service is at hand: read the bandwidth status,
 * rehearse a cancellation (dry run: read only), or cancel, optionally verifying the cancellation with a status read.
 * Logs every attempt and the outcome, and returns the {@link ZenlayerCall} with the result the table chose.
 *
 * <p>Plain Java: it needs no Jenkins object, so it runs against any {@link ZenlayerService} and writes to any line
 * sink. {@link StepRunner} runs it for the build steps. Immutable and thread-safe.
 */
public final class DowngradeProcedure {

    private static final Logger LOGGER = Logger.getLogger(DowngradeProcedure.class.getName());

    private static final DowngradeProcedure STATUS = new DowngradeProcedure(ZenlayerCall.Purpose.STATUS, false, false);
    private static final DowngradeProcedure DRY_RUN =
            new DowngradeProcedure(ZenlayerCall.Purpose.DRY_RUN, false, false);

    private final ZenlayerCall.Purpose purpose;
    private final boolean verify;
    private final boolean onlyWherePending;

    private DowngradeProcedure(ZenlayerCall.Purpose purpose, boolean verify, boolean onlyWherePending) {
        this.purpose = purpose;
        this.verify = verify;
        this.onlyWherePending = onlyWherePending;
    }

    /** Reads the status; never changes anything. */
    public static DowngradeProcedure status() {
        return STATUS;
    }

    /** Reads the status and says what a cancellation would do; never sends the cancellation. */
    public static DowngradeProcedure dryRun() {
        return DRY_RUN;
    }

    /** Cancels; with {@code verify}, reads the status afterwards and reports a downgrade still pending. */
    public static DowngradeProcedure cancel(boolean verify) {
        return new DowngradeProcedure(ZenlayerCall.Purpose.CANCEL, verify, false);
    }

    /** The procedure of a cancel step's options: a dry run wins over verification, which has nothing to verify. */
    public static DowngradeProcedure forCancelStep(boolean dryRun, boolean verify) {
        return dryRun ? dryRun() : cancel(verify);
    }

    /**
     * This procedure for instances named by a selection: a cancellation reads the status first and cancels only where
     * a downgrade is pending (or the read does not tell), since a selection holds instances with nothing to cancel and
     * running the step again must send no needless cancellation. Reads are unchanged.
     */
    public DowngradeProcedure forSelection() {
        return purpose == ZenlayerCall.Purpose.CANCEL ? new DowngradeProcedure(purpose, verify, true) : this;
    }

    public ZenlayerCall.Purpose purpose() {
        return purpose;
    }

    /** The first action sent for an instance, for the line that opens the step's log. */
    public String firstAction() {
        return purpose == ZenlayerCall.Purpose.CANCEL && !onlyWherePending
                ? ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE
                : ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;
    }

    /** The sink for this procedure's lines: a dry run marks every line, so that none passes for a real call. */
    public Consumer<String> logTo(Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        return purpose == ZenlayerCall.Purpose.DRY_RUN ? line -> sink.accept(CallLog.markDryRun(line)) : sink;
    }

    /**
     * Runs the procedure for each instance as one batch ({@link BatchRunner}): {@code concurrency} at a time, at the
     * pace the API allows. One instance is a batch of one.
     *
     * @param instanceIds distinct, checked instance IDs
     * @param services a service for each instance
     * @param sink receives the lines, from the batch's threads; with {@code nameInstances}, each line names its
     *     instance
     * @param completed receives each instance's call as soon as it has its result, from the batch's threads
     * @return one call per instance, in order
     * @throws BatchRunner.Aborted if the calling thread was interrupted
     */
    public List<ZenlayerCall> runAll(
            List<String> instanceIds,
            int concurrency,
            Supplier<ZenlayerService> services,
            ResultPolicy.Rules rules,
            Consumer<String> sink,
            boolean nameInstances,
            Consumer<ZenlayerCall> completed)
            throws BatchRunner.Aborted {
        Consumer<String> lines = line -> {
            synchronized (sink) { // whole lines, never interleaved
                sink.accept(line);
            }
        };
        BatchRunner.Pace pace = new BatchRunner.Pace((id, rate) -> lines.accept(CallLog.slowDown(id, rate)));
        return BatchRunner.run(
                instanceIds,
                concurrency,
                pace,
                (id, turn) -> {
                    Consumer<String> log =
                            logTo(nameInstances ? line -> lines.accept(CallLog.forInstance(id, line)) : lines);
                    ZenlayerCall call = run(services.get(), id, rules, log, turn);
                    completed.accept(call);
                    return call;
                },
                (id, error) -> {
                    ResultPolicy.Decision decision = rules.decide(false, ZenlayerErrorCodes.PLUGIN_ERROR);
                    ZenlayerCall call = ZenlayerCall.failed(this, id, decision, describe(id, error));
                    logTo(nameInstances ? line -> lines.accept(CallLog.forInstance(id, line)) : lines)
                            .accept(CallLog.result(null, decision, call.getCode(), call.getMessage()));
                    completed.accept(call);
                    return call;
                });
    }

    /** What went wrong for an instance that has no answer to show. */
    private static String describe(String instanceId, Throwable error) {
        if (error instanceof InvalidRequestException invalid) {
            return Wording.instanceIdProblem(invalid.problem(), instanceId);
        }
        // The build log gets the exception's class only: its message is not the API's and is not masked.
        LOGGER.log(Level.WARNING, "Zenlayer step failed on instance " + CallLog.oneLine(instanceId), error);
        return Messages.Batch_pluginError(error.getClass().getName());
    }

    /**
     * Runs the procedure for one instance: waits for its turn, sends the first call, and calls again (at most
     * {@link BatchRunner#MAX_ROUNDS} times) while the rate limit refused every attempt, which means the API did
     * nothing; then logs the outcome, verifies a cancellation if asked, and decides the result.
     */
    ZenlayerCall run(
            ZenlayerService service,
            String instanceId,
            ResultPolicy.Rules rules,
            Consumer<String> log,
            BatchRunner.Pace pace)
            throws InterruptedException {
        AttemptListener attempts = pace.listener(instanceId, new LoggingAttemptListener(log));
        if (purpose == ZenlayerCall.Purpose.CANCEL && onlyWherePending) {
            CallOutcome read = send(service, instanceId, false, attempts, log, pace);
            BandwidthStatus status = BandwidthStatus.of(read);
            if (status == null) {
                ResultPolicy.Decision decision = rules.decide(read.success(), read.code());
                log.accept(CallLog.result(read, decision));
                return ZenlayerCall.of(read, decision, purpose);
            }
            log.accept(CallLog.status(instanceId, status));
            if (status.downgrade() == InternetStatus.Downgrade.NONE) {
                ResultPolicy.Decision decision = rules.decide(true, null);
                log.accept(CallLog.PREFIX + Messages.CallLog_nothingToCancel(CallLog.oneLine(instanceId)));
                return new ZenlayerCall(
                        read.action(),
                        instanceId,
                        read.requestId(),
                        decision.outcome().name(),
                        null,
                        null,
                        purpose,
                        status,
                        null);
            }
        }
        CallOutcome first = send(service, instanceId, purpose == ZenlayerCall.Purpose.CANCEL, attempts, log, pace);
        if (purpose != ZenlayerCall.Purpose.CANCEL) {
            ResultPolicy.Decision decision = rules.decide(first.success(), first.code());
            ZenlayerCall call = ZenlayerCall.of(first, decision, purpose);
            BandwidthStatus status = call.getBandwidth();
            if (status == null) {
                log.accept(CallLog.result(first, decision));
            } else if (purpose == ZenlayerCall.Purpose.STATUS) {
                log.accept(CallLog.status(instanceId, status));
            } else {
                log.accept(CallLog.dryRun(instanceId, status, ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE));
            }
            return call;
        }
        if (!verify || !first.success()) {
            ResultPolicy.Decision decision = rules.decide(first.success(), first.code());
            CallLog.note(first).ifPresent(log);
            log.accept(CallLog.result(first, decision));
            return ZenlayerCall.of(first, decision, purpose);
        }
        return verify(service, instanceId, first, rules, log, attempts);
    }

    /**
     * Sends the cancellation or the status read when the pace allows, and again (at most
     * {@link BatchRunner#MAX_ROUNDS} calls) while the rate limit refused every attempt, which means the API did
     * nothing.
     */
    private static CallOutcome send(
            ZenlayerService service,
            String instanceId,
            boolean cancel,
            AttemptListener attempts,
            Consumer<String> log,
            BatchRunner.Pace pace)
            throws InterruptedException {
        for (int round = 1; ; round++) {
            pace.awaitTurn();
            CallOutcome outcome = cancel
                    ? service.cancelInstanceBandwidthDowngrade(instanceId, attempts)
                    : service.describeInstanceInternetStatus(instanceId, attempts);
            if (round == BatchRunner.MAX_ROUNDS || !BatchRunner.refusedByRateLimitOnly(outcome)) {
                return outcome;
            }
            log.accept(CallLog.calledAgain(round + 1));
        }
    }

    /**
     * Reads the status after an accepted cancellation. The read confirms a success that a retry after a lost answer
     * only inferred, or finds the downgrade still pending ({@code DOWNGRADE_STILL_PENDING}); a failed read or an
     * answer that does not tell leaves the cancellation unconfirmed, with the read's code or
     * {@code UNEXPECTED_RESPONSE}.
     */
    private static ZenlayerCall verify(
            ZenlayerService service,
            String instanceId,
            CallOutcome cancel,
            ResultPolicy.Rules rules,
            Consumer<String> log,
            AttemptListener attempts)
            throws InterruptedException {
        CallLog.noteBeforeVerifying(cancel).ifPresent(log);
        log.accept(CallLog.verifying(instanceId, ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS));
        CallOutcome read = service.describeInstanceInternetStatus(instanceId, attempts);
        BandwidthStatus status = BandwidthStatus.of(read);
        String code;
        String message;
        Boolean verified;
        if (status == null) {
            code = read.code();
            message = Messages.Verify_readFailed(
                    read.code(), Wording.errorMessage(read), CallLog.requestIdText(read.requestId()));
            verified = null;
        } else {
            log.accept(CallLog.verification(instanceId, status));
            String id = CallLog.oneLine(instanceId);
            String requestId = CallLog.requestIdText(status.getRequestId());
            switch (status.downgrade()) {
                case NONE -> {
                    code = null;
                    message = null;
                    verified = Boolean.TRUE;
                }
                case PENDING -> {
                    code = ZenlayerErrorCodes.DOWNGRADE_STILL_PENDING;
                    message = Messages.Verify_stillPending(id, CallLog.bandwidth(status), requestId);
                    verified = Boolean.FALSE;
                }
                default -> {
                    code = ZenlayerErrorCodes.UNEXPECTED_RESPONSE;
                    message = Messages.Verify_unknown(id, CallLog.bandwidth(status), requestId);
                    verified = null;
                }
            }
        }
        ResultPolicy.Decision decision = rules.decide(code == null, code);
        log.accept(CallLog.result(cancel.requestId(), decision, code, message));
        return new ZenlayerCall(
                cancel.action(),
                cancel.instanceId(),
                cancel.requestId(),
                decision.outcome().name(),
                code,
                message == null ? null : CallLog.oneLine(message),
                ZenlayerCall.Purpose.CANCEL,
                status,
                verified);
    }

    /** Writes one line per attempt and per backoff. */
    static final class LoggingAttemptListener implements AttemptListener {
        private final Consumer<String> log;

        LoggingAttemptListener(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void onAttempt(AttemptRecord attempt) {
            log.accept(CallLog.attempt(attempt));
        }

        @Override
        public void onBackoff(int nextAttempt, Duration wait, @CheckForNull String reason) {
            log.accept(CallLog.backoff(nextAttempt, wait, reason));
        }
    }
}
