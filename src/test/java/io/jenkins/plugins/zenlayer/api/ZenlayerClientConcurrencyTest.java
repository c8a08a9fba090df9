package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.sameInstance;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZenlayerClientConcurrencyTest {

    private static final int THREADS = 50;

    private Fixture fx;
    /** The client as the plugin builds it, okhttp-api replaced by a double that behaves like it. */
    private ShippedClient shipped;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
        shipped = ShippedClient.create();
    }

    @AfterEach
    void tearDown() {
        shipped.close();
        fx.close();
    }

    @Test
    void derivedClientsShareThePoolTheDispatcherAndTheProxySettings() {
        ZenlayerClient client = shipped.client();
        OkHttpClient base = shipped.base();

        OkHttpClient first = client.derive(fx.config().build());
        OkHttpClient second =
                client.derive(fx.config().callTimeout(Duration.ofSeconds(5)).build());

        assertThat(first.connectionPool(), sameInstance(base.connectionPool()));
        assertThat(second.connectionPool(), sameInstance(base.connectionPool()));
        assertThat(first.dispatcher(), sameInstance(base.dispatcher()));
        assertThat(second.dispatcher(), sameInstance(base.dispatcher()));
        // OkHttp reuses a pooled connection only for the same proxy selector and authenticator (compared by identity).
        assertThat(second.proxySelector(), sameInstance(first.proxySelector()));
        assertThat(second.proxyAuthenticator(), sameInstance(first.proxyAuthenticator()));
        assertThat(second.callTimeoutMillis(), is(5000));
        assertThat(first.connectTimeoutMillis(), is(10_000));
        assertThat(first.followRedirects(), is(false));
    }

    @Test
    void fiftyConcurrentCallsOnOneClientAllSucceedOverFewConnections() throws Exception {
        for (int i = 0; i < THREADS; i++) {
            fx.fake.addInstance("bmc-i-c" + i, InternetChargeType.BY_BANDWIDTH, true);
        }
        ZenlayerClient client = shipped.client();
        ZenlayerClientConfig config = fx.config().build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CallOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String id = "bmc-i-c" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return client.service(ZenlayerAuth.accessKey(Fixture.KEY_ID, Fixture.KEY_PASSWORD), config)
                            .cancelInstanceBandwidthDowngrade(id, null);
                }));
            }
            start.countDown();
            for (int i = 0; i < THREADS; i++) {
                CallOutcome outcome = futures.get(i).get(60, TimeUnit.SECONDS);
                assertThat(outcome.toString(), outcome.success(), is(true));
                assertThat(outcome.instanceId(), is("bmc-i-c" + i));
                assertThat(fx.fake.pendingDowngrade("bmc-i-c" + i), is(false));
            }
        } finally {
            pool.shutdownNow();
        }
        long connections = fx.fake.recordedRequests().stream()
                .map(r -> r.getConnectionIndex())
                .distinct()
                .count();
        assertThat(fx.fake.requestCount(), is(THREADS));
        // Calls go through the shared dispatcher (5 per host by default) and reuse its pooled connections.
        assertThat(
                connections,
                lessThanOrEqualTo((long) shipped.base().dispatcher().getMaxRequestsPerHost() * 2));
        assertThat(shipped.base().connectionPool().connectionCount(), greaterThanOrEqualTo(1));
    }
}
