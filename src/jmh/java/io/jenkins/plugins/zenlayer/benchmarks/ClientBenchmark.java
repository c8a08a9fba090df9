package io.jenkins.plugins.zenlayer.benchmarks;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One CancelInstanceBandwidthDowngrade call over loopback, four ways, against a server that answers a canned success
 * envelope on keep-alive connections ({@link CannedServer}):
 *
 * <ul>
 *   <li>{@code a_pluginSharedClient}: the plugin's whole call (validate, serialise, sign, send, read, parse, classify)
 *       through the client as the plugin builds it on a Jenkins controller ({@link ShippedClient}: the production
 *       construction, with okhttp-api's builder replaced by a double that, like it, adds a new proxy selector and
 *       authenticator each time it is asked);
 *   <li>{@code b_floorBareOkHttp}: the floor, the bare shared base client of (a) sending the same pre-built, pre-signed
 *       request on the calling thread ({@code execute()}) and reading the body;
 *   <li>{@code b2_floorBareOkHttpAsync}: the same bare request, but dispatched as the plugin dispatches its calls: queued
 *       on the shared client's dispatcher ({@code enqueue}) with the plugin's 30 s call timeout while the calling
 *       thread waits, which keeps that thread free to react to an interrupt and lets the dispatcher cap concurrency;
 *   <li>{@code c_peersNewClientPerCall}: the plugin's call on a brand-new OkHttp client per call (new pool, new
 *       dispatcher, new TLS context and handshake), shut down afterwards: the best case of the new-client-per-call
 *       pattern, since skipping the shutdown leaks threads and sockets (see {@link LoadAndLeakCheck}).
 * </ul>
 *
 * <p>The fork JVMs get a fixed heap: on a virtual machine, touching fresh heap pages of a growing heap costs page
 * faults that would be charged to each case in proportion to what it allocates.
 *
 * <p>Before measuring, each trial sends the plugin's call and the pre-built request to the full fake Zenlayer server,
 * which checks every header and the signature, so both are known to be accepted requests. After each trial it prints
 * how many connections the server accepted, and (a) fails if its calls opened more than one: a case (a) that opened a
 * connection per call would measure handshakes, not the plugin.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 6, time = 3)
@State(Scope.Benchmark)
public class ClientBenchmark {

    @Param({"https", "http"})
    public String scheme;

    private FakeZenlayerServer.Tls tls;
    private CannedServer server;
    private ShippedClient shipped;
    private OkHttpClient shared;
    private ZenlayerClient client;
    private ZenlayerAuth auth;
    private ZenlayerClientConfig config;
    private OkHttpClient sharedWithCallTimeout;
    private Request preSigned;
    /** Calls made by (a) or (c) in this trial, warm-up included. */
    private long calls;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        boolean https =
                switch (scheme) {
                    case "https" -> true;
                    case "http" -> false;
                    default -> throw new IllegalArgumentException("scheme must be https or http: " + scheme);
                };
        tls = https ? FakeZenlayerServer.Tls.generate() : null;
        shipped = BenchmarkSupport.newShippedClient(tls);
        shared = shipped.base();
        client = shipped.client();
        auth = ZenlayerAuth.accessKey(BenchmarkSupport.KEY_ID, BenchmarkSupport.KEY_PASSWORD);
        verifyAgainstFakeServer();

        server = https ? CannedServer.startHttps(tls.serverCertificates().sslContext()) : CannedServer.startHttp();
        config = BenchmarkSupport.config(server.endpoint());
        sharedWithCallTimeout =
                shared.newBuilder().callTimeout(config.callTimeout()).build();
        preSigned = BenchmarkSupport.preSignedCancel(
                config, BenchmarkSupport.INSTANCE, Instant.now().getEpochSecond());
    }

    /** Both kinds of request pass the fake server's full checks (headers, signature, instance state). */
    private void verifyAgainstFakeServer() throws Exception {
        try (FakeZenlayerServer fake = new FakeZenlayerServer()) {
            fake.mockWebServer().setServerSocketFactory(new NoDelayServerSocketFactory());
            if (tls == null) {
                fake.start();
            } else {
                fake.startHttps(tls.serverCertificates());
            }
            fake.addAccessKey(BenchmarkSupport.KEY_ID, BenchmarkSupport.KEY_PASSWORD)
                    .addInstance(BenchmarkSupport.INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
            ZenlayerClientConfig fakeConfig = BenchmarkSupport.config(fake.endpoint());
            BenchmarkSupport.requireSuccess(client.service(auth, fakeConfig)
                    .cancelInstanceBandwidthDowngrade(BenchmarkSupport.INSTANCE, AttemptListener.NONE));
            fake.setPendingDowngrade(BenchmarkSupport.INSTANCE, true);
            Request request = BenchmarkSupport.preSignedCancel(
                    fakeConfig, BenchmarkSupport.INSTANCE, Instant.now().getEpochSecond());
            try (Response response = shared.newCall(request).execute()) {
                if (response.code() != 200) {
                    throw new IllegalStateException("the fake server refused the pre-signed request: HTTP "
                            + response.code() + " " + response.body().string());
                }
            }
        }
        shared.connectionPool().evictAll();
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        int accepted = server == null ? 0 : server.acceptedConnections();
        if (server != null) {
            System.out.printf(
                    "%n%s (%s): the server accepted %d connections%s%n",
                    name, scheme, accepted, calls == 0 ? "" : " for " + calls + " calls, warm-up included");
            server.close();
        }
        if (shipped != null) {
            shipped.close();
        }
        if (name.equals("a_pluginSharedClient") && accepted > 1) {
            throw new IllegalStateException(
                    "(a) opened " + accepted + " connections for " + calls + " calls instead of reusing one");
        }
    }

    /** (a) The plugin's call through the client as the plugin builds it; a new service per call, as per build step. */
    @Benchmark
    public CallOutcome a_pluginSharedClient() throws InterruptedException {
        calls++;
        return BenchmarkSupport.requireSuccess(client.service(auth, config)
                .cancelInstanceBandwidthDowngrade(BenchmarkSupport.INSTANCE, AttemptListener.NONE));
    }

    /** (b) The floor: the same request, pre-built and pre-signed, on the bare shared client; reads the body. */
    @Benchmark
    public byte[] b_floorBareOkHttp() throws IOException {
        try (Response response = shared.newCall(preSigned).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("HTTP " + response.code());
            }
            return response.body().bytes();
        }
    }

    /** (b2) The floor as the plugin dispatches: enqueued on the shared dispatcher, the calling thread waits. */
    @Benchmark
    public byte[] b2_floorBareOkHttpAsync() throws Exception {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        sharedWithCallTimeout.newCall(preSigned).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (response.code() != 200) {
                        throw new IOException("HTTP " + response.code());
                    }
                    answer.complete(response.body().bytes());
                } catch (IOException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        return answer.get();
    }

    /** (c) The plugin's call on a new OkHttp client per call, shut down afterwards. */
    @Benchmark
    public CallOutcome c_peersNewClientPerCall() throws InterruptedException {
        calls++;
        OkHttpClient fresh = BenchmarkSupport.newPeerClient(tls);
        try {
            return BenchmarkSupport.requireSuccess(new ZenlayerClient(fresh::newBuilder)
                    .service(auth, config)
                    .cancelInstanceBandwidthDowngrade(BenchmarkSupport.INSTANCE, AttemptListener.NONE));
        } finally {
            BenchmarkSupport.shutDown(fresh);
        }
    }
}
