package io.jenkins.plugins.zenlayer;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Stands in for okhttp-api's {@code JenkinsOkHttpClient.newClientBuilder} where no Jenkins runs, and behaves like it
 * in what matters to connection reuse: every {@link #newClientBuilder} returns a builder of the given client with a
 * <em>new</em> proxy selector and a <em>new</em> proxy authenticator, and neither overrides {@code equals}. Like
 * okhttp-api's, they read the proxy setting (here {@link #useProxy}, standing in for Jenkins' proxy configuration,
 * none by default) whenever OkHttp asks them, not when they are created; without a proxy user the authenticator
 * answers no challenge.
 */
public final class OkHttpApiDouble {

    private volatile Proxy proxy = Proxy.NO_PROXY;
    private final AtomicInteger builders = new AtomicInteger();
    private final AtomicInteger selections = new AtomicInteger();

    /** What okhttp-api's {@code newClientBuilder(client)} returns. */
    public OkHttpClient.Builder newClientBuilder(OkHttpClient client) {
        builders.incrementAndGet();
        // Classes, not lambdas: a lambda that captures nothing is one shared instance, which okhttp-api's are not.
        return client.newBuilder().proxyAuthenticator(new ProxyAuthenticator()).proxySelector(new Selector());
    }

    /** Changes the proxy setting; the selectors already handed out see the change. */
    public void useProxy(Proxy proxy) {
        this.proxy = Objects.requireNonNull(proxy, "proxy");
    }

    /** The proxy setting. */
    public Proxy proxy() {
        return proxy;
    }

    /** How many builders {@link #newClientBuilder} has handed out. */
    public int builders() {
        return builders.get();
    }

    /** How many times OkHttp asked a selector for a proxy, that is, planned routes for a new connection. */
    public int selections() {
        return selections.get();
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            selections.incrementAndGet();
            return List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
    }

    private static final class ProxyAuthenticator implements Authenticator {
        @Override
        public Request authenticate(Route route, Response response) {
            return null;
        }
    }
}
