package io.jenkins.plugins.zenlayer;

import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import okhttp3.OkHttpClient;

/**
 * The plugin's client built by the production code ({@link ZenlayerClients#newSharedBase} and
 * {@link ZenlayerClients#create}), with okhttp-api replaced by {@link OkHttpApiDouble}, for tests and benchmarks
 * outside this package. Only the starting builder differs from production: a test may add a trust store, a socket
 * factory, a dispatcher or a pool to it.
 */
public final class ShippedClient implements AutoCloseable {

    private final OkHttpApiDouble okHttpApi = new OkHttpApiDouble();
    private final OkHttpClient base;
    private final ZenlayerClient client;

    private ShippedClient(OkHttpClient.Builder defaults) {
        base = ZenlayerClients.newSharedBase(defaults);
        client = ZenlayerClients.create(okHttpApi::newClientBuilder, base);
    }

    /** As in production: from {@code new OkHttpClient.Builder()}. */
    public static ShippedClient create() {
        return new ShippedClient(new OkHttpClient.Builder());
    }

    /** From {@code defaults} instead of {@code new OkHttpClient.Builder()}. */
    public static ShippedClient create(OkHttpClient.Builder defaults) {
        return new ShippedClient(defaults);
    }

    /** The client the build steps use. */
    public ZenlayerClient client() {
        return client;
    }

    /** The shared base client: its connection pool and dispatcher are those of every call. */
    public OkHttpClient base() {
        return base;
    }

    public OkHttpApiDouble okHttpApi() {
        return okHttpApi;
    }

    /** Cancels calls in flight, ends the dispatcher's threads and closes pooled connections. */
    @Override
    public void close() {
        base.dispatcher().cancelAll();
        base.dispatcher().executorService().shutdownNow();
        base.connectionPool().evictAll();
    }
}
