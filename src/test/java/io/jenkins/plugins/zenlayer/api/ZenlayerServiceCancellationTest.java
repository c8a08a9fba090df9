package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZenlayerServiceCancellationTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    private Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** Runs a call on its own thread and records when and how it ended. */
    private static final class Caller {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final AtomicReference<CallOutcome> outcome = new AtomicReference<>();
        final AtomicLong endedAt = new AtomicLong();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread thread;

        Caller(ThrowingCall call) {
            thread = new Thread(() -> {
                try {
                    outcome.set(call.run());
                } catch (Throwable t) {
                    thrown.set(t);
                } finally {
                    endedAt.set(System.nanoTime());
                    done.countDown();
                }
            });
            thread.start();
        }

        Duration endedAfter(long startNanos) throws InterruptedException {
            assertThat("the call did not end", done.await(10, TimeUnit.SECONDS), is(true));
            return Duration.ofNanos(endedAt.get() - startNanos);
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        CallOutcome run() throws Exception;
    }

    private ZenlayerService slowBackoffService() {
        return fx.sleepingClient()
                .service(
                        ZenlayerAuth.accessKey(Fixture.KEY_ID, Fixture.KEY_PASSWORD),
                        fx.config().initialBackoff(Duration.ofSeconds(30)).build());
    }

    private static AttemptListener signalOnBackoff(CountDownLatch inBackoff) {
        return new AttemptListener() {
            @Override
            public void onBackoff(int nextAttempt, Duration wait, String reason) {
                inBackoff.countDown();
            }
        };
    }

    @Test
    void interruptDuringBackoff() throws Exception {
        fx.fake.enqueueFault(Fault.serviceUnavailable(), 4);
        ZenlayerService service = slowBackoffService();
        CountDownLatch inBackoff = new CountDownLatch(1);
        Caller caller = new Caller(
                () -> service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, signalOnBackoff(inBackoff)));
        assertThat(inBackoff.await(10, TimeUnit.SECONDS), is(true));

        long interruptedAt = System.nanoTime();
        caller.thread.interrupt();

        assertThat(caller.endedAfter(interruptedAt), lessThan(PROMPTLY));
        assertThat(caller.thrown.get(), instanceOf(InterruptedException.class));
        assertThat(fx.fake.requestCount(), is(1));
    }

    @Test
    void interruptDuringAnInFlightCancellationEndsItAndTheServiceStillServesOtherThreads() throws Exception {
        fx.fake.enqueueFault(Fault.delay(Duration.ofSeconds(30)));
        ZenlayerService service = fx.service();
        Caller caller = new Caller(() -> service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null));
        assertThat(fx.fake.awaitRequestCount(1, Duration.ofSeconds(10)), is(true));

        long interruptedAt = System.nanoTime();
        caller.thread.interrupt();

        assertThat(caller.endedAfter(interruptedAt), lessThan(PROMPTLY));
        assertThat(caller.thrown.get(), instanceOf(InterruptedException.class));
        assertThat(fx.fake.requestCount(), is(1));
        assertThat(service.describeInstances(InstanceFilter.ALL, 1, 1, null).success(), is(true));
    }

    @Test
    void interruptDuringAnInFlightRequest() throws Exception {
        fx.fake.enqueueFault(Fault.delay(Duration.ofSeconds(30)));
        ZenlayerService service = fx.service();
        Caller caller = new Caller(() -> service.describeInstances(InstanceFilter.ALL, 1, 1, null));
        assertThat(fx.fake.awaitRequestCount(1, Duration.ofSeconds(10)), is(true));

        long interruptedAt = System.nanoTime();
        caller.thread.interrupt();

        assertThat(caller.endedAfter(interruptedAt), lessThan(PROMPTLY));
        assertThat(caller.thrown.get(), instanceOf(InterruptedException.class));
    }

    @Test
    void alreadyInterruptedThreadSendsNothing() throws Exception {
        ZenlayerService service = fx.service();
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                service.cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
                result.complete(null);
            } catch (Throwable e) {
                result.complete(e);
            }
        });
        t.start();

        assertThat(result.get(10, TimeUnit.SECONDS), instanceOf(InterruptedException.class));
        assertThat(fx.fake.requestCount(), is(0));
    }
}
