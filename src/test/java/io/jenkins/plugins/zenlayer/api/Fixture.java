package io.jenkins.plugins.zenlayer.api;

import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/** A started fake server, one shared OkHttpClient, and a client whose backoff records instead of sleeping. */
final class Fixture implements AutoCloseable {

    static final String KEY_ID = "AKIDfakeKey0001";
    static final String KEY_PASSWORD = "Pw-9f8e7d6c5b4a-SECRET";
    static final String TOKEN = "zlt-tok-1a2b3c4d5e6f-SECRET";
    static final String INSTANCE = "bmc-i-0001";

    final FakeZenlayerServer fake;
    final OkHttpClient shared;
    final RecordingBackoff backoff = new RecordingBackoff();
    private Clock clock = Clock.systemUTC();
    private double jitter = 0.5;

    Fixture() throws IOException {
        this(UnaryOperator.identity());
    }

    Fixture(UnaryOperator<OkHttpClient.Builder> customizer) throws IOException {
        this(new FakeZenlayerServer().start(), customizer);
    }

    Fixture(FakeZenlayerServer started, UnaryOperator<OkHttpClient.Builder> customizer) {
        fake = started;
        fake.addAccessKey(KEY_ID, KEY_PASSWORD)
                .addBearerToken(TOKEN)
                .addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        shared = customizer.apply(new OkHttpClient.Builder()).build();
    }

    Fixture clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    Fixture jitter(double jitter) {
        this.jitter = jitter;
        return this;
    }

    ZenlayerClient client() {
        return new ZenlayerClient(shared::newBuilder, clock, backoff, () -> jitter);
    }

    /** A client that really waits between attempts. */
    ZenlayerClient sleepingClient() {
        return new ZenlayerClient(shared::newBuilder, clock, Backoff.REAL, () -> jitter);
    }

    ZenlayerClientConfig.Builder config() {
        return ZenlayerClientConfig.builder().endpoint(fake.endpoint());
    }

    ZenlayerService service() {
        return service(config().build());
    }

    ZenlayerService service(ZenlayerClientConfig config) {
        return client().service(ZenlayerAuth.accessKey(KEY_ID, KEY_PASSWORD), config);
    }

    ZenlayerService bearerService() {
        return client().service(ZenlayerAuth.bearerToken(TOKEN), config().build());
    }

    @Override
    public void close() {
        fake.close();
        shared.dispatcher().cancelAll();
        shared.dispatcher().executorService().shutdownNow();
        shared.connectionPool().evictAll();
    }

    /** Records every wait and returns at once, unless the thread is interrupted. */
    static final class RecordingBackoff implements Backoff {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void await(Duration wait) throws InterruptedException {
            waits.add(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Collects everything a listener is told. */
    static final class RecordingListener implements AttemptListener {
        final List<AttemptRecord> attempts = new CopyOnWriteArrayList<>();
        final List<String> backoffs = new CopyOnWriteArrayList<>();
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void onAttempt(AttemptRecord attempt) {
            attempts.add(attempt);
        }

        @Override
        public void onBackoff(int nextAttempt, Duration wait, String reason) {
            backoffs.add(nextAttempt + ":" + wait.toMillis());
            reasons.add(reason);
        }
    }

    /** A clock that moves forward by {@code step} every time it is read. */
    static final class SteppingClock extends Clock {
        private final AtomicLong millis;
        private final long stepMillis;

        SteppingClock(Instant start, Duration step) {
            this.millis = new AtomicLong(start.toEpochMilli());
            this.stepMillis = step.toMillis();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(stepMillis));
        }
    }

    /** Every text an outcome exposes, for secret scans. */
    static List<String> exposedTexts(CallOutcome outcome) {
        List<String> texts = new ArrayList<>();
        texts.add(outcome.toString());
        texts.add(String.valueOf(outcome.message()));
        texts.add(String.valueOf(outcome.code()));
        texts.add(String.valueOf(outcome.requestId()));
        for (AttemptRecord a : outcome.attempts()) {
            texts.add(a.toString());
            texts.add(a.summary());
            texts.add(String.valueOf(a.code()));
            texts.add(String.valueOf(a.message()));
            texts.add(String.valueOf(a.requestId()));
        }
        return texts;
    }
}
