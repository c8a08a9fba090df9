package io.jenkins.plugins.zenlayer.benchmarks;

import io.jenkins.plugins.zenlayer.api.Zc2Signer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The ZC2-HMAC-SHA256 signature of one CancelInstanceBandwidthDowngrade body, alone. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 6, time = 3)
@State(Scope.Benchmark)
public class SigningBenchmark {

    private final byte[] body = BenchmarkSupport.cancelBody(BenchmarkSupport.INSTANCE);
    private final long timestamp = 1_767_225_600L;

    @Benchmark
    public String sign() {
        return Zc2Signer.sign(
                BenchmarkSupport.KEY_PASSWORD, BenchmarkSupport.CONTENT_TYPE, "console.zenlayer.com", timestamp, body);
    }
}
