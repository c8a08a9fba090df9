package io.jenkins.plugins.zenlayer.benchmarks;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import io.jenkins.plugins.zenlayer.steps.DowngradeProcedure;
import io.jenkins.plugins.zenlayer.steps.ZenlayerCall;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cancelling the downgrades of a fleet of {@value #N} instances against an API that allows {@value #R} requests per
 * second, two ways, each operation one whole fleet ({@code Mode.SingleShotTime}):
 *
 * <ul>
 *   <li>{@code a_batchRunner}: the steps' own batch, {@link DowngradeProcedure#runAll} with the default concurrency,
 *       the pace it learns from the API's rate limit answers, and a new service per instance from the client as the
 *       plugin builds it;
 *   <li>{@code b_sequentialLoop}: the naive Pipeline loop, one step (a batch of one, a new service) per instance, one
 *       after the other, through the same client.
 * </ul>
 *
 * <p>The server is the full fake Zenlayer server over plain HTTP on 127.0.0.1: it checks the signature of every
 * request, keeps each instance's pending downgrade, refuses a request with 429 {@code REQUEST_LIMIT_EXCEEDED} when
 * {@value #R} requests were accepted in the second before it (refused ones do not count), and holds every answer back
 * for 50 to 100 ms. Each iteration cancels {@value #N} new instances; the server's window is emptied before it starts.
 * After each iteration the benchmark prints wall time / (N/R), the 429s, the requests per instance, the peak of the
 * client's threads, the server's concurrent requests and the connections, and fails if any instance was not cancelled
 * by exactly one accepted request.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class BatchBenchmark {

    private static final DowngradeProcedure CANCEL = DowngradeProcedure.cancel(false);

    /** Instances per fleet. */
    static final int N = 200;

    /** The API's limit, requests per second. */
    static final int R = 20;

    static final Duration MIN_LATENCY = Duration.ofMillis(50);
    static final Duration MAX_LATENCY = Duration.ofMillis(100);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FakeZenlayerServer fake;
    private ShippedClient shipped;
    private ZenlayerClient client;
    private ZenlayerAuth auth;
    private ZenlayerClientConfig config;
    private String benchmark;
    private int iteration;

    private List<String> fleet;
    private int exchangesBefore;
    private int connectionsBefore;
    private Sampler sampler;
    private long wallNanos;
    private List<ZenlayerCall> batchResult;
    private int sequentialFailures;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        fake = BenchmarkSupport.rateLimitedFake(R, MIN_LATENCY, MAX_LATENCY);
        shipped = BenchmarkSupport.newShippedClient(null);
        client = shipped.client();
        auth = ZenlayerAuth.accessKey(BenchmarkSupport.KEY_ID, BenchmarkSupport.KEY_PASSWORD);
        config = BenchmarkSupport.config(fake.endpoint());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shipped.close();
        fake.close();
    }

    @Setup(Level.Iteration)
    public void newFleet() throws InterruptedException {
        iteration++;
        fleet = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            String id = String.format(Locale.ROOT, "bmc-i-%s-%d-%03d", benchmark.charAt(0), iteration, i);
            fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, true);
            fleet.add(id);
        }
        // Let the fake's one-second window empty, so each iteration starts with the full allowance.
        Thread.sleep(1_100);
        exchangesBefore = fake.requestCount();
        connectionsBefore = maxConnectionIndex() + 1;
        fake.resetPeakConcurrentRequests();
        THREADS.resetPeakThreadCount();
        batchResult = null;
        sequentialFailures = 0;
        sampler = new Sampler(shipped.base());
        sampler.start();
    }

    @Benchmark
    public List<ZenlayerCall> a_batchRunner() throws InterruptedException {
        long start = System.nanoTime();
        // As the steps run a fleet: the procedure, its log lines formatted and dropped.
        batchResult = CANCEL.runAll(
                fleet,
                BatchRunner.DEFAULT_CONCURRENCY,
                () -> client.service(auth, config),
                ResultPolicy.Rules.DEFAULT,
                line -> {},
                true,
                call -> {});
        wallNanos = System.nanoTime() - start;
        return batchResult;
    }

    @Benchmark
    public int b_sequentialLoop() throws InterruptedException {
        long start = System.nanoTime();
        int failures = 0;
        for (String id : fleet) {
            // One step per instance, as a Pipeline loop runs it: a batch of one, a new service, the same procedure.
            ZenlayerCall call = CANCEL.runAll(
                            List.of(id),
                            1,
                            () -> client.service(auth, config),
                            ResultPolicy.Rules.DEFAULT,
                            line -> {},
                            false,
                            c -> {})
                    .get(0);
            if (!"SUCCESS".equals(call.getResult())) {
                failures++;
            }
        }
        wallNanos = System.nanoTime() - start;
        sequentialFailures = failures;
        return failures;
    }

    @TearDown(Level.Iteration)
    public void check() throws InterruptedException {
        sampler.finish();
        List<Exchange> exchanges = fake.exchanges().subList(exchangesBefore, fake.requestCount());
        Map<String, Integer> accepted = new HashMap<>();
        int rateLimited = 0;
        int cancels = 0;
        for (Exchange e : exchanges) {
            if (!FakeZenlayerServer.CANCEL_ACTION.equals(e.action())) {
                continue;
            }
            cancels++;
            if (FakeZenlayerServer.RATE_LIMIT.equals(e.fault())) {
                rateLimited++;
            } else {
                accepted.merge(instanceIdSent(e), 1, Integer::sum);
            }
        }
        int once = 0;
        int duplicates = 0;
        int lost = 0;
        for (String id : fleet) {
            int n = accepted.getOrDefault(id, 0);
            if (n == 1 && !fake.pendingDowngrade(id)) {
                once++;
            } else if (n > 1) {
                duplicates++;
            } else {
                lost++;
            }
        }
        int connectionsUsed = (int) exchanges.stream()
                .map(e -> e.request().getConnectionIndex())
                .distinct()
                .count();
        int connectionsOpened = maxConnectionIndex() + 1 - connectionsBefore;
        double wall = wallNanos / 1e9;
        double ideal = (double) N / R;
        System.out.printf(
                Locale.ROOT,
                "%n[%s iteration %d] wall %.2f s = %.3f x N/R (N %d, R %d/s, N/R %.1f s); cancel requests %d"
                        + " (%.3f per instance), 429s %d; accepted cancels: exactly one %d, duplicates %d, lost %d;"
                        + " peak client threads %d (batch workers %d, OkHttp %d), JVM peak threads %d;"
                        + " server: peak concurrent requests %d, connections used %d, opened %d;"
                        + " pooled connections peak %d%n",
                benchmark,
                iteration,
                wall,
                wall / ideal,
                N,
                R,
                ideal,
                cancels,
                (double) cancels / N,
                rateLimited,
                once,
                duplicates,
                lost,
                sampler.peakClientThreads,
                sampler.peakWorkers,
                sampler.peakOkHttp,
                THREADS.getPeakThreadCount(),
                fake.peakConcurrentRequests(),
                connectionsUsed,
                connectionsOpened,
                sampler.peakPooled);
        boolean resultsComplete = batchResult == null
                ? sequentialFailures == 0
                : batchResult.size() == N && batchResult.stream().allMatch(c -> "SUCCESS".equals(c.getResult()));
        if (once != N || !resultsComplete) {
            throw new IllegalStateException("not every instance was cancelled exactly once: " + once + " of " + N
                    + ", duplicates " + duplicates + ", lost " + lost);
        }
    }

    private int maxConnectionIndex() {
        return fake.exchanges().stream()
                .mapToInt(e -> e.request().getConnectionIndex())
                .max()
                .orElse(-1);
    }

    private static String instanceIdSent(Exchange e) {
        String body = e.body();
        return body.substring(body.indexOf(":\"") + 2, body.lastIndexOf('"'));
    }

    /** Samples the client's threads and pooled connections every 10 ms until finished (at most 10 minutes). */
    private static final class Sampler extends Thread {
        private static final long PERIOD_MILLIS = 10;
        private static final long MAX_SAMPLES = TimeUnit.MINUTES.toMillis(10) / PERIOD_MILLIS;

        private final OkHttpClient shared;
        private volatile boolean finished;
        volatile int peakClientThreads;
        volatile int peakWorkers;
        volatile int peakOkHttp;
        volatile int peakPooled;

        Sampler(OkHttpClient shared) {
            super("batch benchmark sampler");
            setDaemon(true);
            this.shared = shared;
        }

        @Override
        public void run() {
            for (long i = 0; i < MAX_SAMPLES && !finished; i++) {
                sample();
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            AtomicInteger workers = new AtomicInteger();
            AtomicInteger okHttp = new AtomicInteger();
            Thread.getAllStackTraces().keySet().forEach(t -> {
                String name = t.getName();
                if (name.startsWith("Zenlayer batch ")) {
                    workers.incrementAndGet();
                } else if (name.startsWith("OkHttp") || name.startsWith("Okio")) {
                    okHttp.incrementAndGet();
                }
            });
            peakWorkers = Math.max(peakWorkers, workers.get());
            peakOkHttp = Math.max(peakOkHttp, okHttp.get());
            peakClientThreads = Math.max(peakClientThreads, workers.get() + okHttp.get());
            peakPooled = Math.max(peakPooled, shared.connectionPool().connectionCount());
        }

        void finish() throws InterruptedException {
            finished = true;
            join(5_000);
            sample();
        }
    }
}
