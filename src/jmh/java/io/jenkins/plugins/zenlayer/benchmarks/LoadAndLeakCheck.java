package io.jenkins.plugins.zenlayer.benchmarks;

import io.jenkins.plugins.zenlayer.OkHttpApiDouble;
import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Load and leak figures of the API client against the fake Zenlayer server over HTTPS on 127.0.0.1, which checks the
 * signature of every request: sequential calls through the shared client as the plugin builds it (latency, threads and
 * connections before and after), bursts of concurrent calls with OkHttp's default per-host limit and with a raised
 * one, and for contrast okhttp-api's builder taken per call on that shared client, and the new-client-per-call
 * pattern. Every loop is bounded and every wait has a deadline; the program ends by
 * itself and exits with status 1 if a shared-client check fails.
 *
 * <p>Usage: {@code LoadAndLeakCheck [quick|full]} (default full).
 */
public final class LoadAndLeakCheck {

    private static final int CONCURRENT_CALLS = 200;
    private static final int RAISED_PER_HOST_LIMIT = 64;
    private static final Duration WAVE_DEADLINE = Duration.ofMinutes(2);
    /**
     * Helper threads that come and go with timing, not with the number of calls: the dispatcher starts a second or
     * third worker when the next call is queued before the previous worker has returned to the pool, and OkHttp's task
     * runner and Okio's timeout watchdog start and end threads on their own schedule. All end after 60 s idle.
     */
    private static final int TRANSIENT_CLIENT_THREADS = 3;

    private static final int SERIES_POINTS = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int warmupCalls;
    private final int sequentialCalls;
    private final int waves;
    private final int peerCalls;
    private final FakeZenlayerServer.Tls tls = FakeZenlayerServer.Tls.generate();
    private final ZenlayerAuth auth = ZenlayerAuth.accessKey(BenchmarkSupport.KEY_ID, BenchmarkSupport.KEY_PASSWORD);
    private final List<String> failures = new ArrayList<>();
    private FakeZenlayerServer fake;
    private ZenlayerClientConfig config;
    private int nextInstance;

    private LoadAndLeakCheck(boolean quick) {
        warmupCalls = quick ? 200 : 500;
        sequentialCalls = quick ? 2_000 : 10_000;
        waves = quick ? 1 : 5;
        peerCalls = quick ? 200 : 1_000;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "full" : args[0];
        if (!mode.equals("quick") && !mode.equals("full")) {
            System.err.println("usage: LoadAndLeakCheck [quick|full]");
            System.exit(2);
        }
        LoadAndLeakCheck check = new LoadAndLeakCheck(mode.equals("quick"));
        boolean ok;
        try {
            ok = check.run(mode);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            ok = false;
        }
        // Daemon and pooled threads of the peers' pattern may still be alive: do not wait for them.
        System.exit(ok ? 0 : 1);
    }

    private boolean run(String mode) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "LoadAndLeakCheck %s: JDK %s, %d CPUs, fake Zenlayer server over HTTPS on 127.0.0.1%n",
                mode,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        fake = new FakeZenlayerServer();
        fake.mockWebServer().setServerSocketFactory(new NoDelayServerSocketFactory());
        fake.startHttps(tls.serverCertificates());
        try {
            fake.addAccessKey(BenchmarkSupport.KEY_ID, BenchmarkSupport.KEY_PASSWORD);
            int instances = warmupCalls
                    + sequentialCalls
                    + 3 * waves * CONCURRENT_CALLS
                    + perCallBuilderCalls()
                    + peerCalls
                    + peerCalls / 2;
            for (int i = 0; i < instances; i++) {
                fake.addInstance(instanceId(i), InternetChargeType.BY_BANDWIDTH, true);
            }
            config = BenchmarkSupport.config(fake.endpoint());

            sharedSequential();
            concurrent("default dispatcher (maxRequestsPerHost 5), default pool (5 idle)", new Dispatcher(), 5);
            Dispatcher raised = new Dispatcher();
            raised.setMaxRequestsPerHost(RAISED_PER_HOST_LIMIT);
            concurrent("maxRequestsPerHost " + RAISED_PER_HOST_LIMIT + ", default pool (5 idle)", raised, 5);
            Dispatcher raisedWithPool = new Dispatcher();
            raisedWithPool.setMaxRequestsPerHost(RAISED_PER_HOST_LIMIT);
            concurrent(
                    "maxRequestsPerHost " + RAISED_PER_HOST_LIMIT + ", pool of " + RAISED_PER_HOST_LIMIT + " idle",
                    raisedWithPool,
                    RAISED_PER_HOST_LIMIT);
            perCallOkHttpApiBuilders(perCallBuilderCalls());
            peersSequential(false, peerCalls);
            peersSequential(true, peerCalls / 2);
        } finally {
            fake.close();
        }
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("RESULT: PASS (shared client: no errors, no thread or connection growth)");
            return true;
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println("RESULT: FAIL");
        return false;
    }

    /**
     * Warm-up, then sequential calls through the client as the plugin builds it; threads and connections must not
     * grow, and all calls must share one connection.
     */
    private void sharedSequential() throws Exception {
        ShippedClient shipped = BenchmarkSupport.newShippedClient(tls);
        OkHttpClient shared = shipped.base();
        ZenlayerClient client = shipped.client();
        try {
            int acceptedBefore = Snapshot.take(shared, fake).serverConnections();
            long[] ignored = new long[warmupCalls];
            int warmupErrors = callSequentially(client, ignored, 0, ignored.length);
            Snapshot before = Snapshot.take(shared, fake);
            long[] latencies = new long[sequentialCalls];
            int[] threadSeries = new int[SERIES_POINTS + 1];
            int[] connectionSeries = new int[SERIES_POINTS + 1];
            threadSeries[0] = before.clientThreads();
            connectionSeries[0] = before.serverConnections();
            int errors = 0;
            long wall = 0;
            for (int point = 1; point <= SERIES_POINTS; point++) {
                int from = sequentialCalls * (point - 1) / SERIES_POINTS;
                int to = sequentialCalls * point / SERIES_POINTS;
                long start = System.nanoTime();
                errors += callSequentially(client, latencies, from, to);
                wall += System.nanoTime() - start;
                Snapshot now = Snapshot.take(shared, fake);
                threadSeries[point] = now.clientThreads();
                connectionSeries[point] = now.serverConnections();
            }
            Snapshot after = Snapshot.take(shared, fake);

            System.out.printf(
                    Locale.ROOT,
                    "%n== Shared client, %,d sequential calls (after %,d warm-up calls)%n",
                    sequentialCalls,
                    warmupCalls);
            System.out.printf(
                    Locale.ROOT,
                    "errors %d (warm-up %d), %s, %.0f calls/s%n",
                    errors,
                    warmupErrors,
                    percentiles(latencies),
                    sequentialCalls / (wall / 1e9));
            System.out.println(
                    "client threads at 0, 10, ..., 100 % of the calls:      " + Arrays.toString(threadSeries));
            System.out.println("connections the server accepted, same points: " + Arrays.toString(connectionSeries));
            System.out.println("client threads at the end: " + Snapshot.clientThreadNames());
            int accepted = after.serverConnections() - acceptedBefore;
            System.out.printf(
                    Locale.ROOT,
                    "connections opened for all %,d calls (warm-up included): %d%n",
                    warmupCalls + sequentialCalls,
                    accepted);
            Snapshot.print(before, after);
            require(errors == 0 && warmupErrors == 0, "shared client, sequential: " + errors + " errors");
            require(
                    accepted == 1,
                    "shared client, sequential: " + accepted + " connections for " + (warmupCalls + sequentialCalls)
                            + " calls");
            int maxThreads = Arrays.stream(threadSeries).max().orElse(0);
            require(
                    maxThreads <= before.clientThreads() + TRANSIENT_CLIENT_THREADS,
                    "shared client, sequential: client threads grew from " + before.clientThreads() + " to "
                            + maxThreads);
            require(
                    after.poolConnections() <= Math.max(1, before.poolConnections()),
                    "shared client, sequential: pooled connections grew from " + before.poolConnections() + " to "
                            + after.poolConnections());
            require(
                    after.serverConnections() == before.serverConnections(),
                    "shared client, sequential: the server accepted "
                            + (after.serverConnections() - before.serverConnections()) + " new connections");
        } finally {
            shipped.close();
        }
    }

    private int perCallBuilderCalls() {
        return peerCalls / 2;
    }

    /**
     * For contrast, the construction the plugin used before it reused connections: the same shared base client, but
     * okhttp-api's builder taken for every call, so every call gets a new proxy selector and authenticator and OkHttp
     * finds no pooled connection for it.
     */
    private void perCallOkHttpApiBuilders(int calls) throws Exception {
        ShippedClient shipped = BenchmarkSupport.newShippedClient(tls);
        OkHttpClient shared = shipped.base();
        OkHttpApiDouble okHttpApi = new OkHttpApiDouble();
        ZenlayerClient client = new ZenlayerClient(() -> okHttpApi.newClientBuilder(shared));
        try {
            Snapshot before = Snapshot.take(shared, fake);
            long[] latencies = new long[calls];
            long start = System.nanoTime();
            int errors = callSequentially(client, latencies, 0, calls);
            long wall = System.nanoTime() - start;
            Snapshot after = Snapshot.take(shared, fake);
            System.out.printf(
                    Locale.ROOT,
                    "%n== For contrast, okhttp-api's builder per call on the shared base client: %,d sequential calls%n",
                    calls);
            System.out.printf(
                    Locale.ROOT, "errors %d, %s, %.0f calls/s%n", errors, percentiles(latencies), calls / (wall / 1e9));
            System.out.printf(
                    Locale.ROOT,
                    "connections opened for the %,d calls: %d%n",
                    calls,
                    after.serverConnections() - before.serverConnections());
            Snapshot.print(before, after);
        } finally {
            shipped.close();
        }
    }

    /** Makes one call for each of {@code latencies[from]} to {@code latencies[to - 1]} and records its latency. */
    private int callSequentially(ZenlayerClient client, long[] latencies, int from, int to)
            throws InterruptedException {
        int errors = 0;
        for (int i = from; i < to; i++) {
            String id = instanceId(nextInstance++);
            long start = System.nanoTime();
            CallOutcome outcome =
                    client.service(auth, config).cancelInstanceBandwidthDowngrade(id, AttemptListener.NONE);
            latencies[i] = System.nanoTime() - start;
            if (!outcome.success()) {
                errors++;
            }
        }
        return errors;
    }

    /**
     * Bursts of {@link #CONCURRENT_CALLS} calls released at once from as many caller threads (like builds running at
     * the same moment) through one shared client with {@code dispatcher}.
     */
    private void concurrent(String label, Dispatcher dispatcher, int maxIdleConnections) throws Exception {
        ShippedClient shipped = ShippedClient.create(BenchmarkSupport.transport(tls)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES)));
        OkHttpClient shared = shipped.base();
        ZenlayerClient client = shipped.client();
        AtomicInteger callerNumber = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT_CALLS, r -> {
            Thread t = new Thread(r, "build-" + callerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Snapshot before = Snapshot.take(shared, fake);
            long[] latencies = new long[waves * CONCURRENT_CALLS];
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger peakClientThreads = new AtomicInteger();
            AtomicInteger peakPoolConnections = new AtomicInteger();
            AtomicLong wallNanos = new AtomicLong();
            for (int wave = 0; wave < waves; wave++) {
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<?>> calls = new ArrayList<>();
                int base = wave * CONCURRENT_CALLS;
                for (int i = 0; i < CONCURRENT_CALLS; i++) {
                    String id = instanceId(nextInstance++);
                    int slot = base + i;
                    calls.add(callers.submit(() -> {
                        gate.await();
                        long start = System.nanoTime();
                        try {
                            CallOutcome outcome = client.service(auth, config)
                                    .cancelInstanceBandwidthDowngrade(id, AttemptListener.NONE);
                            if (!outcome.success()) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        } finally {
                            latencies[slot] = System.nanoTime() - start;
                        }
                        return null;
                    }));
                }
                Thread.sleep(50); // let every caller reach the gate
                long start = System.nanoTime();
                gate.countDown();
                long deadline = start + WAVE_DEADLINE.toNanos();
                int done = 0;
                while (done < calls.size() && System.nanoTime() < deadline) {
                    peakClientThreads.accumulateAndGet(Snapshot.clientThreadCount(), Math::max);
                    peakPoolConnections.accumulateAndGet(shared.connectionPool().connectionCount(), Math::max);
                    done = (int) calls.stream().filter(Future::isDone).count();
                    Thread.sleep(5);
                }
                for (Future<?> call : calls) {
                    call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                wallNanos.addAndGet(System.nanoTime() - start);
            }
            callers.shutdown();
            if (!callers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the caller threads did not end");
            }
            Snapshot after = Snapshot.take(shared, fake);
            System.out.printf(
                    Locale.ROOT,
                    "%n== Shared client, %s: %d waves of %d concurrent calls%n",
                    label,
                    waves,
                    CONCURRENT_CALLS);
            System.out.printf(
                    Locale.ROOT,
                    "errors %d, %s, wall per wave %.0f ms%n",
                    errors.get(),
                    percentiles(latencies),
                    wallNanos.get() / 1e6 / waves);
            System.out.printf(
                    Locale.ROOT,
                    "peak during the waves: client threads %d, pooled connections %d%n",
                    peakClientThreads.get(),
                    peakPoolConnections.get());
            Snapshot.print(before, after);
            System.out.printf(
                    Locale.ROOT,
                    "(after: the caller threads have ended; idle dispatcher threads end after 60 s; the pool keeps at"
                            + " most %d idle connections, each for at most 5 min)%n",
                    maxIdleConnections);
            require(errors.get() == 0, "shared client, " + label + ": " + errors.get() + " errors");
        } finally {
            callers.shutdownNow();
            callers.awaitTermination(10, TimeUnit.SECONDS);
            shipped.close();
        }
    }

    /** Sequential calls on a brand-new client each, left as they are ({@code shutDown} false) or shut down. */
    private void peersSequential(boolean shutDown, int calls) throws Exception {
        List<OkHttpClient> clients = new ArrayList<>(calls);
        Snapshot before = Snapshot.take(null, fake);
        long[] latencies = new long[calls];
        int errors = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < calls; i++) {
                OkHttpClient fresh = BenchmarkSupport.newPeerClient(tls);
                clients.add(fresh);
                String id = instanceId(nextInstance++);
                long t0 = System.nanoTime();
                CallOutcome outcome = new ZenlayerClient(fresh::newBuilder)
                        .service(auth, config)
                        .cancelInstanceBandwidthDowngrade(id, AttemptListener.NONE);
                latencies[i] = System.nanoTime() - t0;
                if (!outcome.success()) {
                    errors++;
                }
                if (shutDown) {
                    BenchmarkSupport.shutDown(fresh);
                }
            }
            long wall = System.nanoTime() - start;
            Thread.sleep(200); // let shut-down threads end
            Snapshot after = Snapshot.take(null, fake);
            int pooled = clients.stream()
                    .mapToInt(c -> c.connectionPool().connectionCount())
                    .sum();
            System.out.printf(
                    Locale.ROOT,
                    "%n== New client per call, %s: %,d sequential calls%n",
                    shutDown ? "shut down after each call" : "not shut down (as most callers do)",
                    calls);
            System.out.printf(
                    Locale.ROOT, "errors %d, %s, %.0f calls/s%n", errors, percentiles(latencies), calls / (wall / 1e9));
            System.out.printf(Locale.ROOT, "open connections in the %,d clients' pools: %d%n", calls, pooled);
            Snapshot.print(before, after);
        } finally {
            for (OkHttpClient c : clients) {
                BenchmarkSupport.shutDown(c);
            }
            for (OkHttpClient c : clients) {
                BenchmarkSupport.awaitShutDown(c, Duration.ofSeconds(5));
            }
        }
    }

    private void require(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }

    private static String instanceId(int i) {
        return String.format(Locale.ROOT, "bmc-i-%06d", i);
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                sorted[(int) Math.floor(0.50 * (sorted.length - 1))] / 1e6,
                sorted[(int) Math.floor(0.99 * (sorted.length - 1))] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Threads and connections at one moment. Client threads are OkHttp's and Okio's; server threads MockWebServer's. */
    private record Snapshot(
            int liveThreads,
            int clientThreads,
            int serverThreads,
            int poolConnections,
            int serverConnections,
            int openSockets) {

        static Snapshot take(OkHttpClient shared, FakeZenlayerServer fake) {
            int client = 0;
            int server = 0;
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
                if (info == null) {
                    continue;
                }
                String name = info.getThreadName();
                if (name.startsWith("MockWebServer")) {
                    server++;
                } else if (name.startsWith("OkHttp") || name.startsWith("Okio")) {
                    client++;
                }
            }
            int serverConnections = (int) fake.exchanges().stream()
                    .mapToInt(e -> e.request().getConnectionIndex())
                    .distinct()
                    .count();
            return new Snapshot(
                    THREADS.getThreadCount(),
                    client,
                    server,
                    shared == null ? -1 : shared.connectionPool().connectionCount(),
                    serverConnections,
                    countOpenSockets());
        }

        /** The client threads by name (digits folded), with their counts. */
        static String clientThreadNames() {
            Map<String, Integer> names = new TreeMap<>();
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
                if (info != null
                        && (info.getThreadName().startsWith("OkHttp")
                                || info.getThreadName().startsWith("Okio"))) {
                    names.merge(info.getThreadName().replaceAll("\\d+", "N"), 1, Integer::sum);
                }
            }
            return names.toString();
        }

        static int clientThreadCount() {
            int client = 0;
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
                if (info != null
                        && (info.getThreadName().startsWith("OkHttp")
                                || info.getThreadName().startsWith("Okio"))) {
                    client++;
                }
            }
            return client;
        }

        /** Sockets open in this process (both ends of each loopback connection), or -1 where /proc is missing. */
        static int countOpenSockets() {
            Path fds = Path.of("/proc/self/fd");
            if (!Files.isDirectory(fds)) {
                return -1;
            }
            try (Stream<Path> list = Files.list(fds)) {
                return (int) list.filter(fd -> {
                            try {
                                return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                            } catch (IOException | UnsupportedOperationException e) {
                                return false;
                            }
                        })
                        .count();
            } catch (IOException e) {
                return -1;
            }
        }

        static void print(Snapshot before, Snapshot after) {
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %8s %8s%n%-34s %8d %8d%n%-34s %8d %8d%n%-34s %8d %8d%n",
                    "",
                    "before",
                    "after",
                    "live threads (JVM, all)",
                    before.liveThreads(),
                    after.liveThreads(),
                    "client threads (OkHttp/Okio)",
                    before.clientThreads(),
                    after.clientThreads(),
                    "server threads (MockWebServer)",
                    before.serverThreads(),
                    after.serverThreads());
            if (before.poolConnections() >= 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%-34s %8d %8d%n",
                        "pooled connections (shared pool)",
                        before.poolConnections(),
                        after.poolConnections());
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %8d %8d%n%-34s %8d %8d%n",
                    "connections the server accepted",
                    before.serverConnections(),
                    after.serverConnections(),
                    "open sockets (process, both ends)",
                    before.openSockets(),
                    after.openSockets());
        }
    }
}
