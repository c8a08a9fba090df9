package io.jenkins.plugins.zenlayer.benchmarks;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.Zc2Signer;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Credentials, request shapes and client set-ups shared by the benchmarks and the load check. */
final class BenchmarkSupport {

    static final String KEY_ID = "AKIDbenchKey0001";
    static final String KEY_PASSWORD = "Pw-bench-0123456789abcdef";
    static final String INSTANCE = "bmc-i-0001";

    /** What the plugin sends and signs as Content-Type. */
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final MediaType MEDIA_TYPE = MediaType.get(CONTENT_TYPE);

    private BenchmarkSupport() {}

    /** The plugin's body for this action, byte for byte: Jackson writes {@code {"instanceId":"..."}}. */
    static byte[] cancelBody(String instanceId) {
        return ("{\"instanceId\":\"" + instanceId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The Host header OkHttp sends for {@code url}. */
    static String hostHeader(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }

    /** The plugin's configuration for calls to {@code endpoint}: defaults otherwise (30 s call timeout, 4 attempts). */
    static ZenlayerClientConfig config(String endpoint) {
        return ZenlayerClientConfig.builder().endpoint(endpoint).build();
    }

    /**
     * The request the plugin sends for a cancel of {@code instanceId}, built and signed once: same URL, headers, body
     * and signature, so a bare client can send exactly what the plugin sends without doing the plugin's work.
     */
    static Request preSignedCancel(ZenlayerClientConfig config, String instanceId, long timestampSeconds) {
        HttpUrl url = HttpUrl.get(config.serviceUrl());
        byte[] body = cancelBody(instanceId);
        String signature = Zc2Signer.sign(KEY_PASSWORD, CONTENT_TYPE, hostHeader(url), timestampSeconds, body);
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create(body, MEDIA_TYPE))
                .header("X-ZC-Action", ZenlayerService.CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE)
                .header("X-ZC-Version", config.apiVersion())
                .header("X-ZC-Service", ZenlayerClientConfig.SERVICE)
                .header("Accept", "application/json")
                .header("User-Agent", config.userAgent())
                .header("X-ZC-Timestamp", Long.toString(timestampSeconds))
                .header("X-ZC-Signature-Method", Zc2Signer.ALGORITHM)
                .header("X-ZC-Signature-Version", "V2")
                .header("Authorization", Zc2Signer.authorization(KEY_ID, signature))
                .build();
    }

    /**
     * The fake Zenlayer server of the rate-limit benchmarks, started over plain HTTP on 127.0.0.1 with sockets that set
     * {@code TCP_NODELAY}: it knows the benchmark's access key, accepts {@code requestsPerSecond} and holds every
     * answer back for {@code minLatency} to {@code maxLatency}.
     */
    static FakeZenlayerServer rateLimitedFake(int requestsPerSecond, Duration minLatency, Duration maxLatency)
            throws IOException {
        FakeZenlayerServer fake = new FakeZenlayerServer();
        fake.mockWebServer().setServerSocketFactory(new NoDelayServerSocketFactory());
        fake.start();
        fake.addAccessKey(KEY_ID, KEY_PASSWORD).rateLimit(requestsPerSecond).latency(minLatency, maxLatency);
        return fake;
    }

    /**
     * The plugin's client, built by the production code with okhttp-api replaced by a double that behaves like it
     * ({@link ShippedClient}), starting from {@link #transport}: over HTTPS it trusts the fake's root only, and its
     * sockets set {@code TCP_NODELAY}, see {@link NoDelaySocketFactory}.
     */
    static ShippedClient newShippedClient(@CheckForNull FakeZenlayerServer.Tls tls) {
        return ShippedClient.create(transport(tls));
    }

    /**
     * A brand-new OkHttp client, as code that builds one per call gets it: its own connection pool, dispatcher and
     * thread pool and, over HTTPS, its own {@code SSLContext} (so no TLS session is resumed). Like every client here,
     * its sockets set {@code TCP_NODELAY}.
     */
    static OkHttpClient newPeerClient(@CheckForNull FakeZenlayerServer.Tls tls) {
        return transport(tls).build();
    }

    /**
     * A new builder with OkHttp's defaults, except that over HTTPS it trusts the fake's root only and its sockets set
     * {@code TCP_NODELAY}. Like {@code new OkHttpClient()}, building it creates a fresh {@code SSLContext} and trust
     * manager; only the trusted root differs.
     */
    static OkHttpClient.Builder transport(@CheckForNull FakeZenlayerServer.Tls tls) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().socketFactory(NoDelaySocketFactory.INSTANCE);
        return tls == null ? builder : tls.trustIn(builder);
    }

    /** What a careful caller does with a client it no longer needs; most code that builds one per call does not. */
    static void shutDown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Waits at most {@code timeout} for the client's dispatcher threads to end. */
    static boolean awaitShutDown(OkHttpClient client, Duration timeout) throws InterruptedException {
        return client.dispatcher().executorService().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static CallOutcome requireSuccess(CallOutcome outcome) {
        if (!outcome.success()) {
            throw new IllegalStateException("the call failed: " + outcome);
        }
        return outcome;
    }
}
