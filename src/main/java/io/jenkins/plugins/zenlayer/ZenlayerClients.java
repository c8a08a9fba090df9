package io.jenkins.plugins.zenlayer;

import hudson.Extension;
import hudson.ProxyConfiguration;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The one Zenlayer client of this Jenkins. All calls share one OkHttp client, and with it one connection pool, one
 * dispatcher and Jenkins' proxy settings through okhttp-api; a build reuses the keep-alive connection of an earlier
 * build instead of opening a new one.
 */
public final class ZenlayerClients {

    private ZenlayerClients() {}

    /** Created on first use, so that loading this class starts no threads. */
    private static final class Shared {
        static final OkHttpClient BASE = newSharedBase(new OkHttpClient.Builder());
        static final ZenlayerClient CLIENT = create(JenkinsOkHttpClient::newClientBuilder, BASE);
    }

    /**
     * The client every call derives from: {@code defaults} without a read or write timeout. Each call sets a call
     * timeout that covers the whole attempt, and OkHttp's default 10 s read timeout would cut a slower answer short
     * first.
     *
     * @param defaults {@code new OkHttpClient.Builder()} in production
     */
    static OkHttpClient newSharedBase(OkHttpClient.Builder defaults) {
        return defaults.readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
    }

    /**
     * The client of all calls, built from {@code base} as okhttp-api configures it for Jenkins' proxy.
     *
     * <p>okhttp-api's {@code newClientBuilder} installs a new proxy selector and proxy authenticator each time it is
     * called. OkHttp reuses a pooled connection only for an equal {@code Address}, which compares both by identity, so
     * a builder taken from okhttp-api per call would never reuse a connection: every call would pay a new TCP and TLS
     * handshake. Hence okhttp-api is asked once, and each call derives from that one client with
     * {@link OkHttpClient#newBuilder()}, which keeps the same selector and authenticator.
     *
     * <p>Proxy changes still apply without a restart: okhttp-api's selector and authenticator read Jenkins' proxy
     * configuration each time OkHttp asks them, that is, for every new connection and every proxy challenge, not when
     * they are created. Connections already in the pool were opened under the old settings: {@link ProxyChange} closes
     * them when the settings are saved.
     *
     * @param jenkinsBuilders {@code JenkinsOkHttpClient::newClientBuilder} in production
     */
    static ZenlayerClient create(Function<OkHttpClient, OkHttpClient.Builder> jenkinsBuilders, OkHttpClient base) {
        OkHttpClient.Builder builder = Objects.requireNonNull(
                jenkinsBuilders.apply(Objects.requireNonNull(base, "base")), "okhttp-api returned no builder");
        OkHttpClient proxied = builder.build();
        return new ZenlayerClient(proxied::newBuilder);
    }

    /**
     * Closes the pooled connections of {@code base}, so that later calls connect afresh and ask the proxy selector
     * again; calls in flight finish on theirs, which are not reused.
     */
    static void closePooledConnections(OkHttpClient base) {
        base.connectionPool().evictAll();
    }

    /** Pooled connections of the shared client, for tests. */
    static int pooledConnections() {
        return Shared.BASE.connectionPool().connectionCount();
    }

    /** When Jenkins' proxy settings are saved, connections opened under the old ones are not used again. */
    @Extension
    public static final class ProxyChange extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof ProxyConfiguration) {
                closePooledConnections(Shared.BASE);
            }
        }
    }

    /** A service for one build step or one connection test. */
    public static ZenlayerService service(ZenlayerAuth auth, ZenlayerClientConfig config) {
        return Shared.CLIENT.service(auth, config);
    }
}
