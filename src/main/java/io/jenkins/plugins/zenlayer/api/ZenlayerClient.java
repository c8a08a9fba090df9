package io.jenkins.plugins.zenlayer.api;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.Authenticator;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Entry point: creates {@link ZenlayerService} instances. Thread-safe; one per JVM is enough.
 *
 * <p>Every call takes a builder from the supplier and sets only its own timeouts, redirect policy and attempt
 * tracker. The supplier should return {@link OkHttpClient#newBuilder()} of one shared client: the derived clients then
 * share its connection pool and dispatcher (this class never creates either), and, because they also keep its proxy
 * selector, proxy authenticator and TLS settings, a later call reuses a pooled connection. A supplier that installs a
 * new proxy selector or authenticator per call defeats that reuse.
 */
public final class ZenlayerClient {

    private final Supplier<OkHttpClient.Builder> baseBuilders;
    private final Clock clock;
    private final Backoff backoff;
    private final DoubleSupplier jitter;

    /**
     * @param baseBuilders supplies a builder derived from one shared client for each call: {@code shared::newBuilder}
     */
    public ZenlayerClient(Supplier<OkHttpClient.Builder> baseBuilders) {
        this(
                baseBuilders,
                Clock.systemUTC(),
                Backoff.REAL,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a fixed clock for timestamps, a backoff that does not sleep, and a predictable jitter. */
    ZenlayerClient(Supplier<OkHttpClient.Builder> baseBuilders, Clock clock, Backoff backoff, DoubleSupplier jitter) {
        this.baseBuilders = Objects.requireNonNull(baseBuilders, "baseBuilders");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * A service for one credential and configuration: one instance of a build step, or one "Test connection". Cheap
     * to create.
     */
    public ZenlayerService service(ZenlayerAuth auth, ZenlayerClientConfig config) {
        return new ZenlayerServiceImpl(
                this, Objects.requireNonNull(auth, "auth"), Objects.requireNonNull(config, "config"));
    }

    /** The OkHttp client for one call: the supplier's builder with this config's timeouts and an attempt tracker. */
    OkHttpClient derive(ZenlayerClientConfig config) {
        OkHttpClient.Builder builder =
                Objects.requireNonNull(baseBuilders.get(), "the OkHttpClient.Builder supplier returned null");
        OkHttpClient base = builder.connectTimeout(config.connectTimeout())
                .callTimeout(config.callTimeout())
                // A redirect would turn the POST into a GET or drop the signature; report it instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        EventListener.Factory inherited = base.eventListenerFactory();
        Authenticator proxyAuthenticator = base.proxyAuthenticator();
        return base.newBuilder()
                .eventListenerFactory(call -> {
                    EventListener listener = inherited.create(call);
                    AttemptTracker tracker = call.request().tag(AttemptTracker.class);
                    return tracker == null ? listener : listener.plus(tracker);
                })
                .addInterceptor(chain -> answerProxyChallenge(chain, proxyAuthenticator))
                .build();
    }

    /**
     * Answers a plain-HTTP proxy's challenge (HTTP 407) by sending the request once more with the proxy's credentials.
     * OkHttp does that itself only for a body it may send twice, and this client's bodies are one-shot so that OkHttp
     * never repeats a request that may have reached the API. A 407 comes from the proxy, before anything reached the
     * API, so this repeat is safe.
     */
    private static Response answerProxyChallenge(Interceptor.Chain chain, Authenticator proxyAuthenticator)
            throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 407) {
            return response;
        }
        Request authenticated = proxyAuthenticator.authenticate(null, response);
        if (authenticated == null) {
            return response;
        }
        response.close();
        return chain.proceed(authenticated);
    }

    Clock clock() {
        return clock;
    }

    Backoff backoff() {
        return backoff;
    }

    double nextJitter() {
        return jitter.getAsDouble();
    }
}
