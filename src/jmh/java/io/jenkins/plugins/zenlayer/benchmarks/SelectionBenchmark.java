package io.jenkins.plugins.zenlayer.benchmarks;

import io.jenkins.plugins.zenlayer.ShippedClient;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultPolicy;
import io.jenkins.plugins.zenlayer.steps.DowngradeProcedure;
import io.jenkins.plugins.zenlayer.steps.FleetListing;
import io.jenkins.plugins.zenlayer.steps.ZenlayerCall;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

/**
 * A fleet named by a tag: {@value #N} instances of which {@value #PENDING} have a bandwidth downgrade pending, against an
 * API that allows {@value #R} requests per second and answers in 50 to 100 ms. One operation is what the cancel step
 * does with {@code select:} ({@code Mode.SingleShotTime}): {@link FleetListing#list} (every page), then the procedure
 * for a selection ({@link DowngradeProcedure#forSelection()}) over the eligible instances with the default
 * concurrency: a status read of each, a cancellation only where a downgrade is pending. The ideal is
 * (pages + N reads + PENDING cancellations) / R. After each iteration it prints wall time / ideal and fails unless
 * every pending instance got exactly one accepted cancellation and no other instance got one.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@State(Scope.Benchmark)
public class SelectionBenchmark {

    /** Instances in the selection. */
    static final int N = 1000;

    /** Of which have a downgrade pending: every third-and-a-bit, spread over the fleet. */
    static final int PENDING = 300;

    /** The API's limit, requests per second. */
    static final int R = 20;

    private FakeZenlayerServer fake;
    private ShippedClient shipped;
    private ZenlayerClient client;
    private ZenlayerAuth auth;
    private ZenlayerClientConfig config;
    private int iteration;
    private String release;
    private Set<String> pending;
    private int exchangesBefore;
    private long wallNanos;
    private List<ZenlayerCall> calls;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fake = BenchmarkSupport.rateLimitedFake(R, Duration.ofMillis(50), Duration.ofMillis(100));
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
        release = "bench-" + iteration;
        pending = new HashSet<>();
        for (int i = 0; i < N; i++) {
            String id = String.format(Locale.ROOT, "bmc-sel-%d-%04d", iteration, i);
            boolean isPending = i * PENDING / N != (i + 1) * PENDING / N;
            fake.addInstance(id, InternetChargeType.BY_BANDWIDTH, isPending)
                    .place(id, FakeZenlayerServer.DEFAULT_PLACEMENT.withTag("release", release));
            if (isPending) {
                pending.add(id);
            }
        }
        Thread.sleep(1_100);
        exchangesBefore = fake.requestCount();
    }

    @Benchmark
    public List<ZenlayerCall> cancelWherePending() throws InterruptedException {
        long start = System.nanoTime();
        ZenlayerService service = client.service(auth, config);
        FleetListing listing = FleetListing.list(
                service,
                new InstanceFilter(null, null, null, null, null, Map.of("release", release), List.of()),
                BatchRunner.MAX_INSTANCES,
                line -> {});
        calls = DowngradeProcedure.cancel(false)
                .forSelection()
                .runAll(
                        listing.eligible(),
                        BatchRunner.DEFAULT_CONCURRENCY,
                        () -> client.service(auth, config),
                        ResultPolicy.Rules.DEFAULT,
                        line -> {},
                        true,
                        call -> {});
        wallNanos = System.nanoTime() - start;
        return calls;
    }

    @TearDown(Level.Iteration)
    public void check() {
        List<Exchange> exchanges = fake.exchanges().subList(exchangesBefore, fake.requestCount());
        Map<String, Integer> acceptedCancels = new HashMap<>();
        int pages = 0;
        int reads = 0;
        int rateLimited = 0;
        for (Exchange e : exchanges) {
            if (FakeZenlayerServer.RATE_LIMIT.equals(e.fault())) {
                rateLimited++;
            } else if (FakeZenlayerServer.CANCEL_ACTION.equals(e.action())) {
                String body = e.body();
                acceptedCancels.merge(body.substring(body.indexOf(":\"") + 2, body.lastIndexOf('"')), 1, Integer::sum);
            } else if (FakeZenlayerServer.DESCRIBE_INSTANCES.equals(e.action())) {
                pages++;
            } else {
                reads++;
            }
        }
        int once = 0;
        int wrong = 0;
        for (String id : pending) {
            if (acceptedCancels.getOrDefault(id, 0) == 1 && !fake.pendingDowngrade(id)) {
                once++;
            }
        }
        for (Map.Entry<String, Integer> e : acceptedCancels.entrySet()) {
            if (!pending.contains(e.getKey()) || e.getValue() != 1) {
                wrong++;
            }
        }
        double ideal = (pages + N + PENDING) / (double) R;
        double wall = wallNanos / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%n[selection iteration %d] wall %.2f s = %.3f x ideal (%d pages + %d reads + %d cancels at %d/s ="
                        + " %.2f s); requests: pages %d, status reads %d, accepted cancels %d, 429s %d;"
                        + " pending instances cancelled exactly once %d of %d, cancels sent where none was due %d,"
                        + " results %d%n",
                iteration,
                wall,
                wall / ideal,
                pages,
                N,
                PENDING,
                R,
                ideal,
                pages,
                reads,
                acceptedCancels.values().stream().mapToInt(Integer::intValue).sum(),
                rateLimited,
                once,
                PENDING,
                wrong,
                calls.size());
        if (once != PENDING || wrong != 0 || calls.size() != N) {
            throw new IllegalStateException("not exactly one cancellation per pending instance: " + once + " of "
                    + PENDING + ", " + wrong + " wrong, " + calls.size() + " results");
        }
    }
}
