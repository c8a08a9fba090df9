package io.jenkins.plugins.zenlayer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZenlayerClientsTest {

    private static final String KEY_ID = "AKIDclientsKey01";
    private static final String KEY_PASSWORD = "Pw-clients-0123456789";
    private static final ZenlayerAuth AUTH = ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD);
    private static final int CALLS = 20;

    private final FakeZenlayerServer fake = new FakeZenlayerServer();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void callsOfSeparateBuildsShareOneConnection() throws Exception {
        fake.start();
        try (ShippedClient shipped = ShippedClient.create()) {
            callsInARow(shipped);
        }
        assertThat(connectionsAccepted(), is(1L));
    }

    @Test
    void callsOfSeparateBuildsShareOneTlsConnection() throws Exception {
        FakeZenlayerServer.Tls tls = FakeZenlayerServer.Tls.generate();
        fake.startHttps(tls.serverCertificates());
        try (ShippedClient shipped = ShippedClient.create(tls.trustIn(new OkHttpClient.Builder()))) {
            callsInARow(shipped);
        }
        assertThat(connectionsAccepted(), is(1L));
    }

    @Test
    void anAnswerSlowerThanTheDefaultReadTimeoutArrivesWithinTheCallTimeout() throws Exception {
        fake.start();
        fake.addAccessKey(KEY_ID, KEY_PASSWORD).addInstance("bmc-i-slow", InternetChargeType.BY_BANDWIDTH, true);
        fake.enqueueFault(Fault.delay(Duration.ofMillis(1_000)));
        // OkHttp's defaults would cut a read off after 10 s; shorter ones stand in for them, so the test stays short.
        OkHttpClient.Builder shortDefaults =
                new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).writeTimeout(Duration.ofMillis(200));
        ZenlayerClientConfig oneAttempt = ZenlayerClientConfig.builder()
                .endpoint(fake.endpoint())
                .callTimeout(Duration.ofSeconds(10))
                .maxAttempts(1)
                .build();

        CallOutcome outcome;
        try (ShippedClient shipped = ShippedClient.create(shortDefaults)) {
            outcome = shipped.client()
                    .service(AUTH, oneAttempt)
                    .cancelInstanceBandwidthDowngrade("bmc-i-slow", AttemptListener.NONE);
        }

        assertThat(outcome.toString(), outcome.success(), is(true));
        assertThat(fake.pendingDowngrade("bmc-i-slow"), is(false));
    }

    @Test
    void afterAProxyChangeTheNextCallConnectsAfreshThroughTheNewSetting() throws Exception {
        fake.start();
        try (ShippedClient shipped = ShippedClient.create()) {
            callsInARow(shipped);
            assertThat(shipped.okHttpApi().builders(), is(1));

            // The proxy is changed, with no event: the next call sees it and uses a new client.
            shipped.okHttpApi().useProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", fake.port())));
            CallOutcome next = cancelTheFirstAgain(shipped);

            assertThat(next.toString(), next.httpStatus(), is(403));
            assertThat(shipped.okHttpApi().builders(), is(2));
            // Sent in absolute form, as to a proxy (the fake server stands in for it).
            assertThat(fake.recordedRequests().get(CALLS).getTarget(), is(fake.endpoint() + "/api/v2/bmc"));
        }
        assertThat(connectionsAccepted(), is(2L));
    }

    @Test
    void theSameProxySettingKeepsTheClientAndItsConnection() throws Exception {
        fake.start();
        try (ShippedClient shipped = ShippedClient.create()) {
            callsInARow(shipped);
            shipped.okHttpApi().useProxy(Proxy.NO_PROXY);
            cancelTheFirstAgain(shipped);
            assertThat(shipped.okHttpApi().builders(), is(1));
        }
        assertThat(connectionsAccepted(), is(1L));
    }

    /** The first instance of {@link #callsInARow} once more: it has no downgrade pending any more (403). */
    private CallOutcome cancelTheFirstAgain(ShippedClient shipped) throws InterruptedException {
        return shipped.client()
                .service(
                        AUTH,
                        ZenlayerClientConfig.builder().endpoint(fake.endpoint()).build())
                .cancelInstanceBandwidthDowngrade("bmc-i-r0", AttemptListener.NONE);
    }

    /** {@link #CALLS} calls one after the other, each on a new service as each build step makes one. */
    private void callsInARow(ShippedClient shipped) throws InterruptedException {
        fake.addAccessKey(KEY_ID, KEY_PASSWORD);
        ZenlayerClientConfig config =
                ZenlayerClientConfig.builder().endpoint(fake.endpoint()).build();
        for (int i = 0; i < CALLS; i++) {
            String id = "bmc-i-r" + i;
            fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, true);
            CallOutcome outcome =
                    shipped.client().service(AUTH, config).cancelInstanceBandwidthDowngrade(id, AttemptListener.NONE);
            assertThat(outcome.toString(), outcome.success(), is(true));
            assertThat(outcome.attempts().size(), is(1));
        }
        assertThat(fake.requestCount(), is(CALLS));
    }

    private long connectionsAccepted() {
        return fake.recordedRequests().stream()
                .mapToInt(RecordedRequest::getConnectionIndex)
                .distinct()
                .count();
    }
}
