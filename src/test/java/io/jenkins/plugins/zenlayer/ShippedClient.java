package io.jenkins.plugins.zenlayer;

import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The plugin's client built by the production code ({@link ZenlayerClients#newSharedBase} and
 * {@link ZenlayerClients.SharedClient}), with okhttp-api replaced by {@link OkHttpApiDouble}, for tests and benchmarks
 * outside this package. Only the starting builder differs from production: a test may add a trust store, a socket
 * factory, a dispatcher or a pool to it. The double's proxy setting stands in for Jenkins' proxy configuration.
 */
public final class ShippedClient implements AutoCloseable {

    private final OkHttpApiDouble okHttpApi = new OkHttpApiDouble();
    private final List<OkHttpClient> bases = new CopyOnWriteArrayList<>();
    private final ZenlayerClients.SharedClient shared;

    private ShippedClient(Supplier<OkHttpClient.Builder> defaults) {
        shared = new ZenlayerClients.SharedClient(
                () -> {
                    OkHttpClient base = ZenlayerClients.newSharedBase(defaults.get());
                    bases.add(base);
                    return base;
                },
                okHttpApi::newClientBuilder);
    }

    /** As in production: from {@code new OkHttpClient.Builder()}. */
    public static ShippedClient create() {
        return new ShippedClient(OkHttpClient.Builder::new);
    }

    /**
     * From {@code defaults} instead of {@code new OkHttpClient.Builder()}. A change of the proxy builds the next base
     * client from the same builder, and so with the same pool if the test gave it one.
     */
    public static ShippedClient create(OkHttpClient.Builder defaults) {
        return new ShippedClient(() -> defaults);
    }

    /** The client the build steps use, for the double's proxy setting. */
    public ZenlayerClient client() {
        return shared.forProxy(okHttpApi.proxy());
    }

    /** The current shared base client: its connection pool and dispatcher are those of every call. */
    public OkHttpClient base() {
        client();
        return bases.get(bases.size() - 1);
    }

    public OkHttpApiDouble okHttpApi() {
        return okHttpApi;
    }

    /** Cancels calls in flight, ends the dispatchers' threads and closes pooled connections. */
    @Override
    public void close() {
        for (OkHttpClient base : bases) {
            base.dispatcher().cancelAll();
            base.dispatcher().executorService().shutdownNow();
            base.connectionPool().evictAll();
        }
    }
}
