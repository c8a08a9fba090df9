package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls through a plain-HTTP proxy that asks for credentials. The fake server stands in for the proxy as well: the
 * client sends it every request in absolute form, as to a proxy, and the first answer is the proxy's challenge.
 */
class ZenlayerClientProxyTest {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-Pw-4c3b2a-SECRET";

    private FakeZenlayerServer fake;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeZenlayerServer().start();
        fake.enqueueFault(Fault.custom(
                "proxy challenge",
                request -> new MockResponse.Builder()
                        .code(407)
                        .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
                        .build()));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private Fixture through(Authenticator proxyAuthenticator) {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", fake.port()));
        return new Fixture(fake, b -> b.proxy(proxy).proxyAuthenticator(proxyAuthenticator));
    }

    @Test
    void theProxysChallengeIsAnsweredWithItsCredentialsAndTheApiSeesTheRequestOnce() throws Exception {
        CallOutcome outcome;
        try (Fixture fx = through(new JenkinsLikeProxyAuthenticator(PROXY_USER))) {
            outcome = fx.service(fx.config().maxAttempts(1).build())
                    .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        }

        assertThat(outcome.toString(), outcome.success(), is(true));
        assertThat(outcome.attempts().size(), is(1));
        assertThat(fake.pendingDowngrade(Fixture.INSTANCE), is(false));
        List<RecordedRequest> requests = fake.recordedRequests();
        assertThat(requests.size(), is(2));
        assertThat(requests.get(0).getHeaders().get("Proxy-Authorization"), nullValue());
        assertThat(
                requests.get(1).getHeaders().get("Proxy-Authorization"),
                is(Credentials.basic(PROXY_USER, PROXY_PASSWORD)));
        assertThat(requests.get(1).getBody(), is(requests.get(0).getBody()));
    }

    @Test
    void withoutProxyCredentialsTheAnswerSaysSoAndNothingIsRetried() throws Exception {
        CallOutcome outcome;
        try (Fixture fx = through(new JenkinsLikeProxyAuthenticator(null))) {
            outcome = fx.service().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        }

        assertThat(outcome.success(), is(false));
        assertThat(outcome.code(), is(ZenlayerErrorCodes.PROXY_AUTHENTICATION_REQUIRED));
        assertThat(outcome.attempts().size(), is(1));
        assertThat(outcome.message(), containsString("proxy"));
        assertThat(fake.pendingDowngrade(Fixture.INSTANCE), is(true));
    }

    /**
     * Answers like okhttp-api's proxy authenticator: nothing without a configured user, nothing again once a request
     * carried credentials, and Basic credentials for a Basic challenge.
     */
    private static final class JenkinsLikeProxyAuthenticator implements Authenticator {
        private final String user;

        JenkinsLikeProxyAuthenticator(String user) {
            this.user = user;
        }

        @Override
        public Request authenticate(Route route, Response response) {
            if (user == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            String challenge = response.header("Proxy-Authenticate");
            if (challenge == null || !challenge.toLowerCase(Locale.ROOT).startsWith("basic")) {
                return null;
            }
            return response.request()
                    .newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(user, PROXY_PASSWORD))
                    .build();
        }
    }
}
