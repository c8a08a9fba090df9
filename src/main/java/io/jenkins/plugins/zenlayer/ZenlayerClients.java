package io.jenkins.plugins.zenlayer;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;

/**
 * The one Zenlayer client of this Jenkins. All calls made under the same proxy settings share one OkHttp client, and
 * with it one connection pool, one dispatcher and Jenkins' proxy settings through okhttp-api: a build reuses the
 * keep-alive connection of an earlier build instead of opening a new one. When the proxy settings in force differ from
 * those the client was built for, however they were changed (the form, Configuration as Code, a script), the next call
 * gets a new client, so no connection opened under the old settings is used again.
 */
public final class ZenlayerClients {

    private ZenlayerClients() {}

    /** Created on first use, so that loading this class starts no threads. */
    private static final class Holder {
        static final SharedClient SHARED = new SharedClient(
                () -> newSharedBase(new OkHttpClient.Builder()), JenkinsOkHttpClient::newClientBuilder);
    }

    /** A service for one instance of a build step, or one connection test. */
    public static ZenlayerService service(ZenlayerAuth auth, ZenlayerClientConfig config) {
        return Holder.SHARED.forProxy(ProxySettings.inForce()).service(auth, config);
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
     * The client of all calls under one proxy configuration.
     *
     * <p>okhttp-api's {@code newClientBuilder} installs a new proxy selector and proxy authenticator each time it is
     * called. OkHttp reuses a pooled connection only for an equal {@code Address}, which compares both by identity, so
     * a builder taken from okhttp-api per call would never reuse a connection: every call would pay a new TCP and TLS
     * handshake. Hence okhttp-api is asked once per proxy configuration, and each call derives from that one client
     * with {@link OkHttpClient#newBuilder()}, which keeps the same selector and authenticator.
     */
    static final class SharedClient {
        private final Supplier<OkHttpClient> bases;
        private final Function<OkHttpClient, OkHttpClient.Builder> jenkinsBuilders;
        private Object proxySettings;
        private OkHttpClient base;
        private ZenlayerClient client;

        /**
         * @param bases a new base client, with its own connection pool and dispatcher, each time the proxy settings
         *     change: {@code () -> newSharedBase(new OkHttpClient.Builder())} in production
         * @param jenkinsBuilders {@code JenkinsOkHttpClient::newClientBuilder} in production
         */
        SharedClient(Supplier<OkHttpClient> bases, Function<OkHttpClient, OkHttpClient.Builder> jenkinsBuilders) {
            this.bases = bases;
            this.jenkinsBuilders = jenkinsBuilders;
        }

        /**
         * The client for these proxy settings: the one of the last call if they are equal to its, else a new one. The
         * old client's idle connections are closed; those in use end with their call and are never reused.
         */
        synchronized ZenlayerClient forProxy(@CheckForNull Object settings) {
            if (client == null || !Objects.equals(settings, proxySettings)) {
                if (base != null) {
                    base.connectionPool().evictAll();
                }
                base = Objects.requireNonNull(bases.get(), "base client");
                OkHttpClient proxied = Objects.requireNonNull(
                                jenkinsBuilders.apply(base), "okhttp-api returned no builder")
                        .build();
                client = new ZenlayerClient(proxied::newBuilder);
                proxySettings = settings;
            }
            return client;
        }
    }

    /**
     * What of Jenkins' proxy configuration decides how a connection is made. Compared by value; never printed, since it
     * holds the proxy password.
     */
    private record ProxySettings(String host, int port, String userName, Secret password, String noProxyHosts) {

        /** The settings in force; {@code null} for no proxy. */
        @CheckForNull
        static ProxySettings inForce() {
            ProxyConfiguration proxy = Jenkins.get().getProxy();
            return proxy == null
                    ? null
                    : new ProxySettings(
                            proxy.getName(),
                            proxy.getPort(),
                            proxy.getUserName(),
                            proxy.getSecretPassword(),
                            proxy.getNoProxyHost());
        }

        @Override
        public String toString() {
            return "ProxySettings[" + host + ":" + port + "]";
        }
    }
}
