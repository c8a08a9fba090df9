package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.AttemptRecord;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceAction;
import io.jenkins.plugins.zenlayer.api.ZenlayerErrorCodes;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a step does with one instance once its input is checked and a service is at hand: read the bandwidth status,
 * rehearse a cancellation (dry run: read only), or cancel, optionally verifying the cancellation with a status read.
 * Logs every attempt and the outcome, and returns the {@link ZenlayerCall} with the result the table chose.
 *
 * <p>Plain Java: it needs no Jenkins object, so it runs against any {@link ZenlayerService} and writes to any line
 * sink. {@link BandwidthDowngradeCancellation} runs it for the build steps. Immutable and thread-safe.
 */
public final class DowngradeProcedure {

    private static final DowngradeProcedure STATUS = new DowngradeProcedure(ZenlayerCall.Purpose.STATUS, false);
    private static final DowngradeProcedure DRY_RUN = new DowngradeProcedure(ZenlayerCall.Purpose.DRY_RUN, false);
    private static final DowngradeProcedure CANCEL = new DowngradeProcedure(ZenlayerCall.Purpose.CANCEL, false);
    private static final DowngradeProcedure CANCEL_AND_VERIFY =
            new DowngradeProcedure(ZenlayerCall.Purpose.CANCEL, true);

    private final ZenlayerCall.Purpose purpose;
    private final boolean verify;

    private DowngradeProcedure(ZenlayerCall.Purpose purpose, boolean verify) {
        this.purpose = purpose;
        this.verify = verify;
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
        return verify ? CANCEL_AND_VERIFY : CANCEL;
    }

    /** The procedure of a cancel step's options: a dry run wins over verification, which has nothing to verify. */
    public static DowngradeProcedure forCancelStep(boolean dryRun, boolean verify) {
        return dryRun ? dryRun() : cancel(verify);
    }

    public ZenlayerCall.Purpose purpose() {
        return purpose;
    }

    public boolean verifies() {
        return verify;
    }

    /** The first action sent, for the line that opens the step's log. */
    public String firstAction() {
        return purpose == ZenlayerCall.Purpose.CANCEL
                ? ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE
                : ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS;
    }

    /** The sink for this procedure's lines: a dry run marks every line, so that none passes for a real call. */
    public Consumer<String> logTo(Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        return purpose == ZenlayerCall.Purpose.DRY_RUN ? line -> sink.accept(CallLog.markDryRun(line)) : sink;
    }

    /**
     * Runs the procedure for one instance. Lines go to {@code log} as they are: pass them through {@link #logTo}
     * first.
     *
     * @param instanceId a checked instance ID
     * @param rules the result overrides in force
     * @return the call as recorded on the build; its result is the table's decision, applied by the caller
     * @throws io.jenkins.plugins.zenlayer.api.InvalidRequestException if the instance ID cannot be sent
     * @throws InterruptedException if the service is cancelled or the thread interrupted
     */
    public ZenlayerCall run(ZenlayerService service, String instanceId, ResultPolicy.Rules rules, Consumer<String> log)
            throws InterruptedException {
        AttemptListener attempts = attemptsTo(log, AttemptListener.NONE);
        return settle(service, instanceId, send(service, instanceId, attempts), rules, log, attempts);
    }

    /**
     * The first call of the procedure: the status read, or the cancellation. {@link #settle} completes it; a caller
     * that may call again instead (a batch after a call refused by the rate limit) looks at this outcome first.
     *
     * @param attempts receives every attempt; see {@link #attemptsTo}
     */
    public CallOutcome send(ZenlayerService service, String instanceId, AttemptListener attempts)
            throws InterruptedException {
        return purpose == ZenlayerCall.Purpose.CANCEL
                ? service.cancelInstanceBandwidthDowngrade(instanceId, attempts)
                : service.describeInstanceInternetStatus(instanceId, attempts);
    }

    /**
     * This procedure as the action of a {@link BatchRunner}: every line it writes names its instance, and the call of
     * each instance lands in {@code calls} once it has its result. A call whose every attempt the rate limit refused
     * (so the API did nothing) gets no result yet when the batch will call it again.
     *
     * @param sink receives the lines, from the batch's worker threads
     * @param calls receives each instance's call, keyed by instance ID; thread-safe
     */
    public InstanceAction inBatch(ResultPolicy.Rules rules, Consumer<String> sink, Map<String, ZenlayerCall> calls) {
        Map<String, Integer> rounds = new ConcurrentHashMap<>();
        return (service, instanceId, pace) -> {
            Consumer<String> log = logTo(line -> sink.accept(CallLog.forInstance(instanceId, line)));
            AttemptListener attempts = attemptsTo(log, pace);
            CallOutcome first = send(service, instanceId, attempts);
            int round = rounds.merge(instanceId, 1, Integer::sum);
            if (BatchRunner.refusedByRateLimitOnly(first) && round < BatchRunner.MAX_ROUNDS) {
                return first;
            }
            calls.put(instanceId, settle(service, instanceId, first, rules, log, attempts));
            return first;
        };
    }

    /** A listener that writes every attempt and wait to {@code log}, then tells {@code also}. */
    public static AttemptListener attemptsTo(Consumer<String> log, AttemptListener also) {
        return new LoggingAttemptListener(log, also);
    }

    /**
     * Completes the procedure after {@link #send}: logs the outcome, verifies a cancellation if asked (a second call
     * through {@code service} and {@code attempts}), and decides the result.
     */
    public ZenlayerCall settle(
            ZenlayerService service,
            String instanceId,
            CallOutcome first,
            ResultPolicy.Rules rules,
            Consumer<String> log,
            AttemptListener attempts)
            throws InterruptedException {
        if (purpose != ZenlayerCall.Purpose.CANCEL) {
            ResultPolicy.Decision decision = rules.decide(first.success(), first.code());
            ZenlayerCall call = ZenlayerCall.of(first, decision, System.currentTimeMillis(), purpose);
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
            return ZenlayerCall.of(first, decision, System.currentTimeMillis());
        }
        return verify(service, instanceId, first, rules, log, attempts);
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
                System.currentTimeMillis(),
                ZenlayerCall.Purpose.CANCEL,
                status,
                verified);
    }

    @Override
    public String toString() {
        return purpose + (verify ? " and verify" : "");
    }

    /** Writes one line per attempt and per backoff, then passes the event on. */
    private static final class LoggingAttemptListener implements AttemptListener {
        private final Consumer<String> log;
        private final AttemptListener also;

        LoggingAttemptListener(Consumer<String> log, AttemptListener also) {
            this.log = log;
            this.also = Objects.requireNonNull(also, "also");
        }

        @Override
        public void onAttempt(AttemptRecord attempt) {
            log.accept(CallLog.attempt(attempt));
            also.onAttempt(attempt);
        }

        @Override
        public void onBackoff(int nextAttempt, Duration wait, @CheckForNull String reason) {
            log.accept(CallLog.backoff(nextAttempt, wait, reason));
            also.onBackoff(nextAttempt, wait, reason);
        }
    }
}
