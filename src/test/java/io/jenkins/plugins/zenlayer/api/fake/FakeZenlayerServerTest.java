package io.jenkins.plugins.zenlayer.api.fake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.zenlayer.api.Zc2Signer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture must reject what the real API rejects, or client tests would prove nothing. */
class FakeZenlayerServerTest {

    private static final String CT = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeZenlayerServer fake;
    private OkHttpClient http;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeZenlayerServer().start();
        fake.addAccessKey("AKID", "pw").addInstance("i-1", InternetChargeType.BY_BANDWIDTH, true);
        http = new OkHttpClient();
    }

    @AfterEach
    void tearDown() {
        fake.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private JsonNode post(
            String action, String body, String password, long timestamp, UnaryOperator<Request.Builder> tweak)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String host = "127.0.0.1:" + fake.port();
        String signature = Zc2Signer.sign(password, CT, host, timestamp, bytes);
        Request.Builder request = new Request.Builder()
                .url(fake.endpoint() + "/api/v2/bmc")
                .post(RequestBody.create(bytes, MediaType.get(CT)))
                .header("X-ZC-Action", action)
                .header("X-ZC-Version", "2026-02-01")
                .header("X-ZC-Service", "bmc")
                .header("X-ZC-Timestamp", Long.toString(timestamp))
                .header("X-ZC-Signature-Method", "ZC2-HMAC-SHA256")
                .header("Authorization", Zc2Signer.authorization("AKID", signature));
        try (Response response = http.newCall(tweak.apply(request).build()).execute()) {
            JsonNode node = JSON.readTree(response.body().string());
            ((ObjectNode) node).put("_status", response.code());
            return node;
        }
    }

    private JsonNode post(String action, String body) throws IOException {
        return post(action, body, "pw", Instant.now().getEpochSecond(), UnaryOperator.identity());
    }

    @Test
    void fixtureSignatureMatchesTheOfficialExample() {
        assertThat(
                FakeZenlayerServer.expectedSignature(
                        "Gu5t9xGARNpq86cd98joQYCN3",
                        CT,
                        "console.zenlayer.com",
                        "1673361177",
                        "{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}".getBytes(StandardCharsets.UTF_8)),
                is("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f"));
    }

    @Test
    void acceptsAValidRequestWithTheDocumentedEnvelope() throws IOException {
        JsonNode answer = post("CancelInstanceBandwidthDowngrade", "{\"instanceId\":\"i-1\"}");

        assertThat(answer.get("_status").asInt(), is(200));
        assertThat(
                answer.get("requestId").asText(),
                matchesPattern("T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
        assertThat(
                answer.at("/response/requestId").asText(),
                is(answer.get("requestId").asText()));
        assertThat(fake.pendingDowngrade("i-1"), is(false));
    }

    @Test
    void missingInstanceId() throws IOException {
        JsonNode answer = post("CancelInstanceBandwidthDowngrade", "{}");

        assertThat(answer.get("_status").asInt(), is(400));
        assertThat(answer.get("code").asText(), is("MISSING_PARAMETER"));
    }

    @Test
    void misspelledActionIsAnUnauthorizedOperation() throws IOException {
        JsonNode answer = post("CancelInstanceBandwidthDowndegrade", "{\"instanceId\":\"i-1\"}");

        assertThat(answer.get("_status").asInt(), is(401));
        assertThat(answer.get("code").asText(), is("AUTHFAILURE_UNAUTHORIZED_OPERATION"));
        assertThat(fake.pendingDowngrade("i-1"), is(true));
    }

    @Test
    void bodyThatDiffersFromTheSignedOneFailsTheSignature() throws IOException {
        JsonNode answer = post(
                "CancelInstanceBandwidthDowngrade",
                "{\"instanceId\":\"i-1\"}",
                "pw",
                Instant.now().getEpochSecond(),
                b -> b.post(RequestBody.create("{\"instanceId\":\"i-2\"}", MediaType.get(CT))));

        assertThat(answer.get("code").asText(), is("AUTHFAILURE_SIGNATURE_FAILURE"));
    }

    @Test
    void contentTypeOtherThanTheSignedOneFailsTheSignature() throws IOException {
        JsonNode answer = post(
                "DescribeInstances",
                "{}",
                "pw",
                Instant.now().getEpochSecond(),
                b -> b.post(
                        RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json"))));

        assertThat(answer.get("code").asText(), is("AUTHFAILURE_SIGNATURE_FAILURE"));
    }

    @Test
    void wrongPasswordAndStaleTimestamp() throws IOException {
        long now = Instant.now().getEpochSecond();

        assertThat(
                post("DescribeInstances", "{}", "nope", now, UnaryOperator.identity())
                        .get("code")
                        .asText(),
                is("AUTHFAILURE_SIGNATURE_FAILURE"));
        assertThat(
                post("DescribeInstances", "{}", "pw", now - 301, UnaryOperator.identity())
                        .get("code")
                        .asText(),
                is("AUTHFAILURE_SIGNATURE_EXPIRED"));
        assertThat(
                post("DescribeInstances", "{}", "pw", now - 290, UnaryOperator.identity())
                        .get("_status")
                        .asInt(),
                is(200));
    }

    @Test
    void serverClockIsConfigurable() throws IOException {
        fake.setClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        assertThat(post("DescribeInstances", "{}").get("code").asText(), is("AUTHFAILURE_SIGNATURE_EXPIRED"));
    }

    @Test
    void missingRequiredHeaders() throws IOException {
        assertThat(
                post(
                                "DescribeInstances",
                                "{}",
                                "pw",
                                Instant.now().getEpochSecond(),
                                b -> b.removeHeader("X-ZC-Version"))
                        .get("code")
                        .asText(),
                is("MISSING_PARAMETER"));
        assertThat(
                post(
                                "DescribeInstances",
                                "{}",
                                "pw",
                                Instant.now().getEpochSecond(),
                                b -> b.removeHeader("X-ZC-Signature-Method"))
                        .get("code")
                        .asText(),
                is("AUTHFAILURE_INVALID_AUTHORIZATION"));
        assertThat(
                post(
                                "DescribeInstances",
                                "{}",
                                "pw",
                                Instant.now().getEpochSecond(),
                                b -> b.header("Authorization", "ZC2-HMAC-SHA256 garbage"))
                        .get("code")
                        .asText(),
                is("AUTHFAILURE_INVALID_AUTHORIZATION"));
    }

    @Test
    void describeInstancesPagesAndCounts() throws IOException {
        fake.addInstance("i-2", InternetChargeType.BY_TRAFFIC_PACKAGE, false);

        JsonNode answer = post("DescribeInstances", "{\"pageSize\":1,\"pageNum\":2}");

        assertThat(answer.at("/response/totalCount").asInt(), is(2));
        assertThat(answer.at("/response/dataSet").size(), is(1));
        assertThat(answer.at("/response/dataSet/0/instanceId").asText(), is("i-2"));
        assertThat(answer.at("/response/dataSet/0/internetChargeType").asText(), is("ByTrafficPackage"));
    }

    @Test
    void internetStatusShowsThePendingDowngrade() throws IOException {
        JsonNode before = post("DescribeInstanceInternetStatus", "{\"instanceId\":\"i-1\"}");
        fake.setPendingDowngrade("i-1", false);
        JsonNode after = post("DescribeInstanceInternetStatus", "{\"instanceId\":\"i-1\"}");

        assertThat(before.at("/response/modifiedBandwidthStatus").asText(), is("WaitToEnable"));
        assertThat(after.at("/response/modifiedBandwidthStatus").asText(), is("Enable"));
    }

    @Test
    void theCancelActionRemovesThePendingDowngradeThatTheStatusShows() throws IOException {
        String status = "DescribeInstanceInternetStatus";
        String body = "{\"instanceId\":\"i-1\"}";

        JsonNode before = post(status, body);
        JsonNode cancel = post("CancelInstanceBandwidthDowngrade", body);
        JsonNode after = post(status, body);
        JsonNode again = post("CancelInstanceBandwidthDowngrade", body);

        assertThat(before.at("/response/internetMaxBandwidthOut").asInt(), is(100));
        assertThat(before.at("/response/modifiedInternetMaxBandwidthOut").asInt(), is(50));
        assertThat(before.at("/response/modifiedBandwidthStatus").asText(), is("WaitToEnable"));
        assertThat(cancel.get("_status").asInt(), is(200));
        assertThat(after.at("/response/internetMaxBandwidthOut").asInt(), is(100));
        assertThat(after.at("/response/modifiedInternetMaxBandwidthOut").isMissingNode(), is(true));
        assertThat(after.at("/response/modifiedBandwidthStatus").asText(), is("Enable"));
        assertThat(again.get("code").asText(), is("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
        assertThat(fake.requestCount(status), is(2));
        assertThat(fake.requestCount("CancelInstanceBandwidthDowngrade"), is(2));
    }

    @Test
    void onlyAWaitingModificationToALowerBandwidthCanBeCancelled() throws IOException {
        String body = "{\"instanceId\":\"i-1\"}";
        fake.setBandwidthStatus("i-1", 100, 200, "WaitToEnable");

        JsonNode upgrade = post("DescribeInstanceInternetStatus", body);
        JsonNode cancelUpgrade = post("CancelInstanceBandwidthDowngrade", body);
        fake.setBandwidthStatus("i-1", 100, 20, "Processing");
        JsonNode processing = post("CancelInstanceBandwidthDowngrade", body);
        fake.setBandwidthStatus("i-1", null, null, null);
        JsonNode bare = post("DescribeInstanceInternetStatus", body);

        assertThat(upgrade.at("/response/modifiedInternetMaxBandwidthOut").asInt(), is(200));
        assertThat(cancelUpgrade.get("code").asText(), is("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
        assertThat(processing.get("code").asText(), is("OPERATION_DENIED_DOWNGRADE_NOT_EXIST"));
        assertThat(bare.at("/response/instanceId").asText(), is("i-1"));
        assertThat(bare.at("/response/internetMaxBandwidthOut").isMissingNode(), is(true));
        assertThat(bare.at("/response/modifiedBandwidthStatus").isMissingNode(), is(true));
    }

    @Test
    void aCancellationCanShowLate() throws IOException {
        String body = "{\"instanceId\":\"i-1\"}";
        fake.showCancelledDowngradesFor(1);

        assertThat(post("CancelInstanceBandwidthDowngrade", body).get("_status").asInt(), is(200));
        JsonNode stale = post("DescribeInstanceInternetStatus", body);
        JsonNode settled = post("DescribeInstanceInternetStatus", body);

        assertThat(fake.pendingDowngrade("i-1"), is(false));
        assertThat(stale.at("/response/modifiedBandwidthStatus").asText(), is("WaitToEnable"));
        assertThat(stale.at("/response/modifiedInternetMaxBandwidthOut").asInt(), is(50));
        assertThat(settled.at("/response/modifiedBandwidthStatus").asText(), is("Enable"));
        assertThat(settled.at("/response/modifiedInternetMaxBandwidthOut").isMissingNode(), is(true));
    }

    @Test
    void faultsAreOneShotAndRecorded() throws IOException {
        fake.enqueueFault(FakeZenlayerServer.Fault.rateLimited(), 2);

        assertThat(post("DescribeInstances", "{}").get("_status").asInt(), is(429));
        assertThat(post("DescribeInstances", "{}").get("code").asText(), is("REQUEST_LIMIT_EXCEEDED"));
        assertThat(post("DescribeInstances", "{}").get("_status").asInt(), is(200));
        assertThat(fake.requestCount(), is(3));
        assertThat(fake.requestCount("DescribeInstances"), is(3));
        assertThat(fake.exchanges().get(0).fault(), containsString("429"));
        assertThat(fake.exchanges().get(0).code(), is("REQUEST_LIMIT_EXCEEDED"));
        assertThat(fake.exchanges().get(2).fault(), is((String) null));
        assertThat(
                fake.exchanges().get(0).requestId(), not(fake.exchanges().get(1).requestId()));
    }

    @Test
    void rateLimitRefusesRequestsAboveTheLimitInTheLastSecondWithoutCountingThemOrUsingFaults() throws IOException {
        fake.addInstance("i-2", InternetChargeType.BY_BANDWIDTH, true)
                .addInstance("i-3", InternetChargeType.BY_BANDWIDTH, true);
        fake.rateLimit(2).enqueueFault(FakeZenlayerServer.Fault.internalError());

        // Sent well within one second: the first two are accepted (the first takes the queued fault).
        JsonNode first = post(FakeZenlayerServer.CANCEL_ACTION, "{\"instanceId\":\"i-1\"}");
        JsonNode second = post(FakeZenlayerServer.CANCEL_ACTION, "{\"instanceId\":\"i-2\"}");
        JsonNode third = post(FakeZenlayerServer.CANCEL_ACTION, "{\"instanceId\":\"i-3\"}");
        JsonNode fourth = post(FakeZenlayerServer.CANCEL_ACTION, "{\"instanceId\":\"i-3\"}");

        assertThat(first.get("_status").asInt(), is(500));
        assertThat(second.get("_status").asInt(), is(200));
        assertThat(third.get("_status").asInt(), is(429));
        assertThat(third.get("code").asText(), is("REQUEST_LIMIT_EXCEEDED"));
        assertThat(fourth.get("_status").asInt(), is(429));
        assertThat(fake.pendingDowngrade("i-3"), is(true));
        assertThat(fake.rateLimitedCount(), is(2));
        assertThat(fake.exchanges().get(2).fault(), is(FakeZenlayerServer.RATE_LIMIT));
        assertThat(fake.requestCount(), is(4));
    }

    @Test
    void latencyHoldsAnswersBackAndConcurrentRequestsAreCounted() throws Exception {
        fake.latency(Duration.ofMillis(500), Duration.ofMillis(500));
        Thread other = new Thread(() -> {
            try {
                post(FakeZenlayerServer.DESCRIBE_INSTANCES, "{\"pageSize\":1}");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        other.start();
        post(FakeZenlayerServer.DESCRIBE_INSTANCES, "{\"pageSize\":1}");
        other.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(500)) >= 0, is(true));
        assertThat(fake.peakConcurrentRequests(), is(2));
        assertThat(fake.concurrentRequests(), is(0));
    }
}
