package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.jenkins.plugins.zenlayer.api.Fixture.RecordingListener;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZenlayerServiceAnswersTest {

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
    void cancelSucceedsAndClearsThePendingDowngrade() throws Exception {
        RecordingListener listener = new RecordingListener();

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, listener);

        Exchange exchange = fx.fake.exchanges().get(0);
        assertThat(outcome.success(), is(true));
        assertThat(outcome.action(), is("CancelInstanceBandwidthDowngrade"));
        assertThat(outcome.instanceId(), is(Fixture.INSTANCE));
        assertThat(outcome.requestId(), is(exchange.requestId()));
        assertThat(outcome.requestId(), matchesPattern("T[0-9A-F-]{36}"));
        assertThat(outcome.httpStatus(), is(200));
        assertThat(outcome.code(), nullValue());
        assertThat(outcome.message(), nullValue());
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.lostAnswer(), is(CallOutcome.LostAnswer.NONE));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(false));
        assertThat(outcome.attempts(), hasSize(1));
        AttemptRecord attempt = outcome.attempts().get(0);
        assertThat(attempt.number(), is(1));
        assertThat(attempt.httpStatus(), is(200));
        assertThat(attempt.code(), nullValue());
        assertThat(attempt.requestSent(), is(true));
        assertThat(attempt.willRetry(), is(false));
        assertThat(attempt.summary(), is("HTTP 200 OK (requestId " + exchange.requestId() + ")"));
        assertThat(listener.attempts, is(outcome.attempts()));
        assertThat(listener.backoffs, empty());
    }

    @Test
    void sendsTheDocumentedRequest() throws Exception {
        long before = Instant.now().getEpochSecond();
        fx.service(fx.config()
                        .userAgent("my-jenkins/1.2.3 (zenlayer-cloud 0.1)")
                        .build())
                .cancelInstanceBandwidthDowngrade("  " + Fixture.INSTANCE + "\n", AttemptListener.NONE);
        long after = Instant.now().getEpochSecond();

        Exchange e = fx.fake.exchanges().get(0);
        assertThat(e.request().getMethod(), is("POST"));
        assertThat(e.request().getUrl().encodedPath(), is("/api/v2/bmc"));
        assertThat(e.header("X-ZC-Action"), is("CancelInstanceBandwidthDowngrade"));
        assertThat(e.header("X-ZC-Version"), is("2026-02-01"));
        assertThat(e.header("X-ZC-Service"), is("bmc"));
        assertThat(e.header("X-ZC-Signature-Method"), is("ZC2-HMAC-SHA256"));
        assertThat(e.header("Content-Type"), is("application/json; charset=utf-8"));
        assertThat(e.header("Host"), is("127.0.0.1:" + fx.fake.port()));
        assertThat(e.header("User-Agent"), is("my-jenkins/1.2.3 (zenlayer-cloud 0.1)"));
        long timestamp = Long.parseLong(e.header("X-ZC-Timestamp"));
        assertThat(timestamp >= before && timestamp <= after, is(true));
        assertThat(
                e.header("Authorization"),
                matchesPattern("ZC2-HMAC-SHA256 Credential=" + Fixture.KEY_ID
                        + ", SignedHeaders=content-type;host, Signature=[0-9a-f]{64}"));
        assertThat(e.body(), is("{\"instanceId\":\"" + Fixture.INSTANCE + "\"}"));
        assertThat(e.status(), is(200));
    }

    @Test
    void defaultUserAgentIsSent() throws Exception {
        fx.service().describeInstances(InstanceFilter.ALL, 1, 1, AttemptListener.NONE);

        assertThat(fx.fake.exchanges().get(0).header("User-Agent"), startsWith("zenlayer-cloud-jenkins-plugin/"));
    }

    @Test
    void bearerTokenModeSendsNoSignatureHeaders() throws Exception {
        CallOutcome outcome = fx.bearerService().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        Exchange e = fx.fake.exchanges().get(0);
        assertThat(outcome.success(), is(true));
        assertThat(e.header("Authorization"), is("Bearer " + Fixture.TOKEN));
        assertThat(e.header("X-ZC-Timestamp"), nullValue());
        assertThat(e.header("X-ZC-Signature-Method"), nullValue());
        assertThat(e.header("X-ZC-Action"), is("CancelInstanceBandwidthDowngrade"));
        assertThat(e.header("X-ZC-Version"), is("2026-02-01"));
        assertThat(e.header("X-ZC-Service"), is("bmc"));
    }

    @Test
    void unknownBearerTokenIsAnAuthFailureWithoutRetry() throws Exception {
        CallOutcome outcome = fx.client()
                .service(
                        ZenlayerAuth.bearerToken("not-a-known-token"),
                        fx.config().build())
                .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.httpStatus(), is(401));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.AUTHFAILURE_INVALID_AUTHORIZATION));
        assertThat(outcome.attempts(), hasSize(1));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(true));
    }

    static Stream<Arguments> authFailures() {
        return Stream.of(
                Arguments.of(Fixture.KEY_ID, "wrong-password", ZenlayerErrorCodes.AUTHFAILURE_SIGNATURE_FAILURE),
                Arguments.of(
                        "AKIDunknown", Fixture.KEY_PASSWORD, ZenlayerErrorCodes.AUTHFAILURE_INVALID_AUTHORIZATION));
    }

    @ParameterizedTest
    @MethodSource("authFailures")
    void wrongCredentialsAreReportedWithTheServerCode(String id, String password, String code) throws Exception {
        CallOutcome outcome = fx.client()
                .service(ZenlayerAuth.accessKey(id, password), fx.config().build())
                .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(code));
        assertThat(outcome.httpStatus(), is(401));
        assertThat(outcome.requestId(), is(fx.fake.exchanges().get(0).requestId()));
        assertThat(outcome.lastAttempt().requestId(), is(outcome.requestId()));
        assertThat(outcome.attempts(), hasSize(1));
        assertThat(outcome.code(), startsWith("AUTHFAILURE_"));
    }

    @Test
    void clockSkewOfMoreThanFiveMinutesIsReportedAsExpiredSignature() throws Exception {
        fx.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.AUTHFAILURE_SIGNATURE_EXPIRED));
        assertThat(outcome.attempts(), hasSize(1));
    }

    @Test
    void clockSkewWithinFiveMinutesIsAccepted() throws Exception {
        fx.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4)));

        assertThat(
                fx.service()
                        .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null)
                        .success(),
                is(true));
    }

    @Test
    void unknownInstance() throws Exception {
        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade("bmc-i-unknown", null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.INVALID_INSTANCE_NOT_FOUND));
        assertThat(outcome.httpStatus(), is(404));
        assertThat(outcome.message(), containsString("bmc-i-unknown"));
        assertThat(outcome.attempts().get(0).summary(), startsWith("HTTP 404 INVALID_INSTANCE_NOT_FOUND (requestId T"));
    }

    @Test
    void noPendingDowngradeIsAFailureWhenNothingWasAmbiguous() throws Exception {
        fx.fake.setPendingDowngrade(Fixture.INSTANCE, false);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.inferredFromAmbiguousRetry(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.OPERATION_DENIED_DOWNGRADE_NOT_EXIST));
        assertThat(outcome.httpStatus(), is(403));
        assertThat(ZenlayerErrorCodes.isNoPendingDowngrade(outcome.code()), is(true));
    }

    @Test
    void chargeTypeNotSupported() throws Exception {
        fx.fake.addInstance("bmc-i-traffic", InternetChargeType.BY_TRAFFIC_PACKAGE, false);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade("bmc-i-traffic", null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT));
        assertThat(ZenlayerErrorCodes.isChargeTypeNotSupported(outcome.code()), is(true));
    }

    @Test
    void oldGenerationCodesArePassedThroughAndRecognised() throws Exception {
        fx.fake
                .useOldGenerationCodes()
                .addInstance("bmc-i-traffic", InternetChargeType.BY_TRAFFIC_PACKAGE, false)
                .setPendingDowngrade(Fixture.INSTANCE, false);
        ZenlayerService service = fx.service();

        CallOutcome noPending = service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        CallOutcome wrongType = service.cancelInstanceBandwidthDowngrade("bmc-i-traffic", null);

        assertThat(noPending.code(), is(ZenlayerErrorCodes.OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH));
        assertThat(ZenlayerErrorCodes.isNoPendingDowngrade(noPending.code()), is(true));
        assertThat(wrongType.code(), is(ZenlayerErrorCodes.OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH));
        assertThat(ZenlayerErrorCodes.isChargeTypeNotSupported(wrongType.code()), is(true));
    }

    @Test
    void unknownCodesAreKeptVerbatim() throws Exception {
        fx.fake.enqueueFault(Fault.error(409, "OPERATION_DENIED_SOMETHING_NEW", "Something new happened."));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is("OPERATION_DENIED_SOMETHING_NEW"));
        assertThat(outcome.message(), is("Something new happened."));
        assertThat(outcome.httpStatus(), is(409));
        assertThat(outcome.attempts(), hasSize(1));
    }

    @Test
    void unknownResponseFieldsAreTolerated() throws Exception {
        fx.fake.includeUnknownFields(true);

        CallOutcome cancel = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        CallOutcome probe = fx.service().describeInstances(InstanceFilter.ALL, 1, 1, null);

        assertThat(cancel.success(), is(true));
        assertThat(probe.success(), is(true));
        assertThat(probe.totalCount(), is(1L));
    }

    @Test
    void aPageOfOneInstanceIsReadOnlyAndReportsTheTotalCount() throws Exception {
        fx.fake
                .addInstance("bmc-i-2", InternetChargeType.BY_TRAFFIC_PACKAGE, false)
                .addInstance("bmc-i-3", InternetChargeType.BY_BANDWIDTH, false);

        CallOutcome outcome = fx.service().describeInstances(InstanceFilter.ALL, 1, 1, null);

        Exchange e = fx.fake.exchanges().get(0);
        assertThat(outcome.success(), is(true));
        assertThat(outcome.action(), is("DescribeInstances"));
        assertThat(outcome.instanceId(), nullValue());
        assertThat(outcome.totalCount(), is(3L));
        assertThat(outcome.requestId(), is(e.requestId()));
        assertThat(e.header("X-ZC-Action"), is("DescribeInstances"));
        assertThat(e.body(), is("{\"pageNum\":1,\"pageSize\":1}"));
        assertThat(fx.fake.pendingDowngrade(Fixture.INSTANCE), is(true));
    }

    static Stream<Arguments> nonZenlayerBodies() {
        return Stream.of(
                Arguments.of(Fault.cloudflareChallenge(), 403, ZenlayerErrorCodes.SECURITY_CHALLENGE, "Cloudflare"),
                Arguments.of(Fault.blocked451(), 451, ZenlayerErrorCodes.REQUEST_BLOCKED, "security policy"),
                Arguments.of(
                        Fault.htmlPage(502), 502, ZenlayerErrorCodes.UNEXPECTED_RESPONSE, "\"502 Bad Gateway 502 Bad"),
                Arguments.of(Fault.emptyBody(502), 502, ZenlayerErrorCodes.UNEXPECTED_RESPONSE, "empty body"),
                Arguments.of(Fault.emptyBody(200), 200, ZenlayerErrorCodes.UNEXPECTED_RESPONSE, "empty body"),
                Arguments.of(
                        Fault.truncatedJson(500),
                        500,
                        ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                        "malformed or truncated JSON: \"{\"requestId\":\"T"),
                Arguments.of(
                        Fault.malformedJson(200),
                        200,
                        ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                        "malformed or truncated JSON"),
                Arguments.of(
                        Fault.jsonWithoutEnvelope(),
                        200,
                        ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                        "without the 'response' object"),
                Arguments.of(
                        Fault.custom(
                                "plain text",
                                r -> new MockResponse.Builder()
                                        .code(500)
                                        .setHeader("Content-Type", "text/plain")
                                        .body("upstream\r\nconnect error\u0000 or disconnect")
                                        .build()),
                        500,
                        ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                        "non-JSON body (text/plain): \"upstream connect error or disconnect\""));
    }

    @ParameterizedTest
    @MethodSource("nonZenlayerBodies")
    void nonZenlayerBodiesBecomeClientSideCodes(Fault fault, int status, String code, String messagePart)
            throws Exception {
        fx.fake.enqueueFault(fault);

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(code));
        assertThat(outcome.httpStatus(), is(status));
        assertThat(outcome.message(), containsString(messagePart));
        assertThat(outcome.message(), not(containsString("Exception")));
        assertThat(outcome.message(), not(containsString("\n")));
        assertThat(outcome.message().chars().anyMatch(Character::isISOControl), is(false));
        assertThat(outcome.attempts(), hasSize(1));
        assertThat(outcome.attempts().get(0).willRetry(), is(false));
        assertThat(fx.fake.requestCount(), is(1));
    }

    @Test
    void excerptOfAHugeBodyIsShortAndTheBodyReadIsCapped() throws Exception {
        String huge = "<html><body>" + "x".repeat(500) + " " + "y".repeat(200_000) + "</body></html>";
        fx.fake.enqueueFault(Fault.custom(
                "huge",
                r -> new MockResponse.Builder()
                        .code(502)
                        .setHeader("Content-Type", "text/html")
                        .body(huge)
                        .build()));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.UNEXPECTED_RESPONSE));
        assertThat(outcome.message(), containsString("larger than 64 KiB"));
        String excerpt = outcome.message().substring(outcome.message().indexOf('"') + 1);
        assertThat(excerpt.length(), lessThanOrEqualTo(201 + 1));
        assertThat(outcome.message().length(), lessThanOrEqualTo(400));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        fx.fake.enqueueFault(Fault.custom(
                "redirect",
                r -> new MockResponse.Builder()
                        .code(301)
                        .setHeader("Location", "https://elsewhere.example/api/v2/bmc")
                        .build()));

        CallOutcome outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.UNEXPECTED_RESPONSE));
        assertThat(
                outcome.message(),
                allOf(containsString("HTTP 301"), containsString("redirect to https://elsewhere.example")));
        assertThat(fx.fake.requestCount(), is(1));
    }

    @Test
    void worksOverHttpsWithTheSignedHostIncludingThePort() throws Exception {
        FakeZenlayerServer.Tls tls = FakeZenlayerServer.Tls.generate();
        try (Fixture https = new Fixture(new FakeZenlayerServer().startHttps(tls.serverCertificates()), tls::trustIn)) {
            CallOutcome outcome = https.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

            assertThat(https.fake.endpoint(), startsWith("https://127.0.0.1:"));
            assertThat(outcome.success(), is(true));
            assertThat(https.fake.exchanges().get(0).header("Host"), is("127.0.0.1:" + https.fake.port()));
            assertThat(https.fake.exchanges().get(0).request().getHandshake() != null, is(true));
        }
    }
}
