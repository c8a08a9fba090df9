package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.zenlayer.api.Fixture.RecordingListener;
import io.jenkins.plugins.zenlayer.api.Fixture.SteppingClock;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZenlayerServiceRetryTest {

    private static final List<Duration> ONE_TWO_FOUR =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

    private Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void rateLimitIsRetriedWithExponentialBackoff() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited(), 2);
        RecordingListener listener = new RecordingListener();

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, listener);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.requestId(), is(fx.fake.exchanges().get(2).requestId()));
        assertThat(fx.backoff.waits, contains(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(outcome.attempts(), hasSize(3));
        assertThat(outcome.attempts().get(0).httpStatus(), is(429));
        assertThat(outcome.attempts().get(0).code(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(
                outcome.attempts().get(0).requestId(),
                is(fx.fake.exchanges().get(0).requestId()));
        assertThat(
                outcome.attempts().get(0).summary(),
                is("HTTP 429 REQUEST_LIMIT_EXCEEDED (requestId "
                        + fx.fake.exchanges().get(0).requestId() + ")"));
        assertThat(outcome.attempts().stream().map(AttemptRecord::willRetry).toList(), contains(true, true, false));
        assertThat(listener.backoffs, contains("2:1000", "3:2000"));
        assertThat(listener.reasons.get(0), startsWith("HTTP 429 REQUEST_LIMIT_EXCEEDED"));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(false));
    }

    @Test
    void exhaustedRetriesReportTheLastErrorAndEveryAttempt() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited(), 4);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(outcome.httpStatus(), is(429));
        assertThat(outcome.requestId(), is(fx.fake.exchanges().get(3).requestId()));
        assertThat(outcome.retriesExhausted(), is(true));
        assertThat(outcome.attempts(), hasSize(4));
        assertThat(outcome.attempts(), hasSize(4));
        assertThat(outcome.attempts().get(3).willRetry(), is(false));
        assertThat(fx.backoff.waits, is(ONE_TWO_FOUR));
        assertThat(fx.fake.requestCount(), is(4));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(true));
    }

    static Stream<Fault> temporaryFaults() {
        return Stream.of(
                Fault.serviceUnavailable(),
                Fault.requestTimedOut(),
                Fault.htmlPage(503),
                Fault.emptyBody(429),
                Fault.error(400, "REQUEST_LIMIT_EXCEEDED", "limited with an unusual status"));
    }

    @ParameterizedTest
    @MethodSource("temporaryFaults")
    void temporaryAnswersAreRetried(Fault fault) throws Exception {
        fx.fake.enqueueFault(fault);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.attempts(), hasSize(2));
        assertThat(outcome.attempts().get(0).willRetry(), is(true));
        assertThat(fx.backoff.waits, contains(Duration.ofSeconds(1)));
    }

    static Stream<Arguments> finalAnswers() {
        return Stream.of(
                Arguments.of(Fault.error(400, "INVALID_PARAMETER_VALUE", "bad"), 400),
                Arguments.of(Fault.error(401, "AUTHFAILURE_SIGNATURE_FAILURE", "bad signature"), 401),
                Arguments.of(Fault.error(403, "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "none"), 403),
                Arguments.of(Fault.error(404, "INVALID_INSTANCE_NOT_FOUND", "none"), 404),
                Arguments.of(Fault.internalError(), 500),
                Arguments.of(Fault.cloudflareChallenge(), 403),
                Arguments.of(Fault.blocked451(), 451),
                Arguments.of(Fault.htmlPage(502), 502),
                Arguments.of(Fault.truncatedJson(200), 200));
    }

    @ParameterizedTest
    @MethodSource("finalAnswers")
    void otherAnswersAreNotRetried(Fault fault, int status) throws Exception {
        fx.fake.enqueueFault(fault);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.httpStatus(), is(status));
        assertThat(outcome.attempts(), hasSize(1));
        assertThat(outcome.attempts().get(0).willRetry(), is(false));
        assertThat(outcome.retriesExhausted(), is(false));
        assertThat(fx.backoff.waits, empty());
        assertThat(fx.fake.requestCount(), is(1));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(true));
    }

    @Test
    void maxAttemptsOfOneMeansNoRetry() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited());

        CallOutcome outcome =
                fx.service(fx.config().maxAttempts(1).build()).cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.REQUEST_LIMIT_EXCEEDED));
        assertThat(outcome.attempts(), hasSize(1));
        assertThat(fx.backoff.waits, empty());
    }

    @Test
    void configuredInitialBackoffDoubles() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited(), 3);

        fx.service(fx.config().initialBackoff(Duration.ofMillis(250)).build())
                .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(fx.backoff.waits, contains(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)));
    }

    @Test
    void jitterStaysWithinTwentyPercent() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited(), 7);

        fx.jitter(0.0).service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        fx.jitter(0.999999).service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(fx.backoff.waits.get(0), is(Duration.ofMillis(800)));
        assertThat(fx.backoff.waits.get(1), is(Duration.ofMillis(1600)));
        assertThat(fx.backoff.waits.get(2), is(Duration.ofMillis(3200)));
        for (int i = 3; i < 6; i++) {
            Duration nominal = ONE_TWO_FOUR.get(i - 3);
            long max = nominal.toNanos() * 12 / 10;
            assertThat(fx.backoff.waits.get(i).toNanos() <= max, is(true));
            assertThat(fx.backoff.waits.get(i).toNanos() > nominal.toNanos() * 119 / 100, is(true));
        }
    }

    @Test
    void everyAttemptIsSignedAgainWithAFreshTimestamp() throws Exception {
        fx.clock(new SteppingClock(Instant.now().minusSeconds(30), Duration.ofSeconds(7)));
        fx.fake.enqueueFault(Fault.rateLimited(), 2);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(true));
        List<Exchange> exchanges = fx.fake.exchanges();
        long t1 = Long.parseLong(exchanges.get(0).header("X-ZC-Timestamp"));
        long t2 = Long.parseLong(exchanges.get(1).header("X-ZC-Timestamp"));
        long t3 = Long.parseLong(exchanges.get(2).header("X-ZC-Timestamp"));
        assertThat(t2 - t1, is(7L));
        assertThat(t3 - t2, is(7L));
        assertThat(
                exchanges.stream()
                        .map(e -> e.header("Authorization"))
                        .distinct()
                        .count(),
                is(3L));
        // The body is serialised once: identical bytes on every attempt.
        assertThat(exchanges.stream().map(Exchange::body).distinct().count(), is(1L));
    }

    @Test
    void connectFailuresAreRetriedAndReportedAsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ZenlayerClientConfig config =
                fx.config().endpoint("http://127.0.0.1:" + closedPort).build();

        CallOutcome outcome = fx.service(config).cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.NETWORK_ERROR));
        assertThat(outcome.httpStatus(), is(0));
        assertThat(outcome.requestId(), nullValue());
        assertThat(outcome.attempts(), hasSize(4));
        assertThat(outcome.attempts().stream().map(AttemptRecord::requestSent).toList(), everyItem(is(false)));
        assertThat(outcome.attempts().stream().map(AttemptRecord::httpStatus).toList(), everyItem(is(0)));
        assertThat(outcome.attempts().get(0).summary(), startsWith("connect failed: "));
        assertThat(outcome.retriesExhausted(), is(true));
        assertThat(outcome.attempts(), hasSize(4));
        assertThat(fx.backoff.waits, is(ONE_TWO_FOUR));
    }

    @Test
    void answerLostAfterProcessingThenNoPendingDowngradeIsAnInferredSuccess() throws Exception {
        fx.fake.enqueueFault(Fault.disconnectAfterProcessing());
        RecordingListener listener = new RecordingListener();

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, listener);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(true));
        assertThat(outcome.code(), nullValue());
        assertThat(outcome.requestId(), is(fx.fake.exchanges().get(1).requestId()));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.INFERRED_SUCCESS));
        assertThat(outcome.lostAttempt(), is(1));
        assertThat(outcome.attempts(), hasSize(2));
        AttemptRecord lost = outcome.attempts().get(0);
        assertThat(lost.requestSent(), is(true));
        assertThat(lost.httpStatus(), is(0));
        assertThat(lost.code(), is(ZenlayerErrorCodes.NETWORK_ERROR));
        assertThat(lost.summary(), startsWith("no answer after the request was sent"));
        assertThat(lost.willRetry(), is(true));
        assertThat(outcome.attempts().get(1).code(), is(ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST));
        assertThat(listener.attempts, hasSize(2));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(false));
    }

    @Test
    void okHttpNeverResendsSilentlyOnAPooledConnection() throws Exception {
        ZenlayerService service = fx.service();
        assertThat(service.describeInstances(InstanceFilter.ALL, 1, 1, null).success(), is(true));
        fx.fake.enqueueFault(Fault.disconnectAfterProcessing());

        CallOutcome outcome = service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        // A transparent resend by OkHttp would hide the lost answer and report "no pending downgrade" as a failure.
        assertThat(fx.fake.exchanges().get(1).request().getConnectionIndex(), is(0));
        assertThat(outcome.attempts(), hasSize(2));
        assertThat(outcome.success(), is(true));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(true));
        assertThat(fx.fake.requestCount(), is(3));
    }

    @Test
    void inferenceAlsoWorksWithOldGenerationCodes() throws Exception {
        fx.fake.useOldGenerationCodes().enqueueFault(Fault.disconnectAfterProcessing());

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(true));
        assertThat(
                outcome.attempts().get(1).code(),
                is(ZenlayerErrorCodes.OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH));
    }

    @Test
    void answerLostWithoutProcessingThenARealSuccess() throws Exception {
        fx.fake.enqueueFault(Fault.disconnectWithoutProcessing());

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(true));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.NONE));
        assertThat(outcome.attempts(), hasSize(2));
        assertThat(outcome.attempts().get(0).requestSent(), is(true));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(false));
    }

    @Test
    void answerLostThenAnotherErrorIsAFailure() throws Exception {
        fx.fake
                .enqueueFault(Fault.disconnectWithoutProcessing())
                .enqueueFault(Fault.error(404, "INVALID_INSTANCE_NOT_FOUND", "gone"));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.MAY_HAVE_TAKEN_EFFECT));
        assertThat(outcome.lostAttempt(), is(1));
    }

    @Test
    void failureWithoutAnyAmbiguousAttemptHasNoNote() throws Exception {
        fx.fake.enqueueFault(Fault.rateLimited(), 4);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.NONE));
    }

    @Test
    void otherActionsNeverInferSuccess() throws Exception {
        fx.fake
                .enqueueFault(Fault.disconnectAfterProcessing())
                .enqueueFault(Fault.error(403, ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST, "none"));

        CallOutcome outcome = fx.service().describeInstances(InstanceFilter.ALL, 1, 1, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST));
        assertThat(outcome.attempts(), hasSize(2));
        assertThat(outcome.attempts().get(0).requestSent(), is(true));
    }

    @Test
    void noInferenceWhenTheEarlierFailureHappenedBeforeSending() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        fx.close();
        fx = new Fixture(b -> b.addInterceptor(chain -> {
            if (calls.getAndIncrement() == 0) {
                throw new ConnectException("simulated: connection refused");
            }
            return chain.proceed(chain.request());
        }));
        fx.fake.setPendingDowngrade(Fixture.INSTANCE, false);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST));
        assertThat(outcome.attempts().get(0).requestSent(), is(false));
        assertThat(outcome.attempts().get(0).summary(), is("connect failed: simulated: connection refused"));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.NONE));
        assertThat(fx.fake.requestCount(), is(1));
    }

    @Test
    void readTimeoutAfterSendingIsAmbiguousAndRetried() throws Exception {
        fx.close();
        fx = new Fixture(b -> b.readTimeout(Duration.ofMillis(300)));
        fx.fake.enqueueFault(Fault.delay(Duration.ofSeconds(5)));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.attempts(), hasSize(2));
        AttemptRecord first = outcome.attempts().get(0);
        assertThat(first.code(), is(ZenlayerErrorCodes.NETWORK_ERROR));
        assertThat(first.requestSent(), is(true));
        assertThat(first.summary(), is("no answer after the request was sent: read timed out"));
        // The delayed attempt was processed by the server, so the retry finds nothing to cancel.
        assertThat(outcome.success(), is(true));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(true));
    }

    @Test
    void callTimeoutIsRetriedAndReportedWhenExhausted() throws Exception {
        fx.fake.enqueueFault(Fault.delay(Duration.ofSeconds(20)), 2);
        long start = System.nanoTime();

        CallOutcome outcome = fx.service(fx.config()
                        .callTimeout(Duration.ofMillis(300))
                        .maxAttempts(2)
                        .build())
                .describeInstances(InstanceFilter.ALL, 1, 1, null);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.CALL_TIMEOUT));
        assertThat(outcome.httpStatus(), is(0));
        assertThat(outcome.attempts(), hasSize(2));
        for (AttemptRecord a : outcome.attempts()) {
            assertThat(a.code(), is(ZenlayerErrorCodes.CALL_TIMEOUT));
            assertThat(a.requestSent(), is(true));
            assertThat(a.summary(), is("call timeout (300 ms) after the request was sent, no answer"));
        }
        assertThat(outcome.attempts().get(0).willRetry(), is(true));
        assertThat(took, lessThan(Duration.ofSeconds(10)));
    }
}
