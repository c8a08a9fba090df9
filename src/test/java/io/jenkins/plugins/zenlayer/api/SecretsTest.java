package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.zenlayer.api.Fixture.RecordingListener;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsTest {

    private static final List<String> SECRETS = List.of(Fixture.KEY_PASSWORD, Fixture.TOKEN);

    private Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private static void assertNoSecret(List<String> texts) {
        for (String secret : SECRETS) {
            assertThat(texts, everyItem(not(containsString(secret))));
            // Not even a recognisable part of it.
            assertThat(texts, everyItem(not(containsString(secret.substring(0, 10)))));
        }
    }

    @Test
    void credentialsToStringHidesSecrets() {
        ZenlayerAuth key = ZenlayerAuth.accessKey(Fixture.KEY_ID, Fixture.KEY_PASSWORD);
        ZenlayerAuth token = ZenlayerAuth.bearerToken(Fixture.TOKEN);

        assertThat(key.toString(), is("AccessKey[id=" + Fixture.KEY_ID + ", password=****]"));
        assertThat(token.toString(), is("BearerToken[token=****]"));
        assertNoSecret(List.of(
                key.toString(),
                token.toString(),
                fx.service().toString(),
                fx.bearerService().toString()));
    }

    @Test
    void invalidSecretsAreRejectedWithoutEchoingThem() {
        String badPassword = "Pw-9f8e7d6c5b4a SECRET";
        String badToken = "zlt-tok-1a2b3c4d5e6f\u0007SECRET";

        IllegalArgumentException passwordError =
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.accessKey(Fixture.KEY_ID, badPassword));
        IllegalArgumentException tokenError =
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.bearerToken(badToken));

        assertThat(passwordError.getMessage(), containsString("position 16"));
        assertThat(passwordError.getMessage(), not(containsString("Pw-9f8e7d6c5b4a")));
        assertThat(tokenError.getMessage(), not(containsString("zlt-tok-1a2b3c4d5e6f")));
    }

    static Stream<Fault> failures() {
        return Stream.of(
                Fault.echoHeaders(400),
                Fault.echoHeaders(503),
                Fault.error(401, "AUTHFAILURE_SIGNATURE_FAILURE", "bad signature"),
                Fault.rateLimited(),
                Fault.cloudflareChallenge(),
                Fault.disconnectWithoutProcessing(),
                Fault.custom(
                        "echo in JSON",
                        r -> new MockResponse.Builder()
                                .code(400)
                                .setHeader("Content-Type", "application/json")
                                .body(
                                        "{\"requestId\":\"T1\",\"code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad header "
                                                + r.getHeaders().get("Authorization") + "\"}")
                                .build()),
                Fault.custom(
                        "echo in requestId and code",
                        r -> new MockResponse.Builder()
                                .code(400)
                                .setHeader("Content-Type", "application/json")
                                .body("{\"requestId\":\""
                                        + tokenOf(r.getHeaders().get("Authorization"))
                                        + "\",\"code\":\""
                                        + tokenOf(r.getHeaders().get("Authorization"))
                                        + "\",\"message\":\"echo\"}")
                                .build()));
    }

    /** The last word of an Authorization header: the bearer token, or the signature of an access key. */
    private static String tokenOf(String authorization) {
        return authorization.substring(authorization.lastIndexOf(authorization.contains("=") ? '=' : ' ') + 1);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void noSecretInAnythingAnOutcomeExposes(Fault fault) throws Exception {
        for (Supplier<ZenlayerService> service : List.<Supplier<ZenlayerService>>of(fx::service, fx::bearerService)) {
            fx.fake.enqueueFault(fault, 4);
            RecordingListener listener = new RecordingListener();

            CallOutcome outcome = service.get().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, listener);

            List<String> texts = new ArrayList<>(Fixture.exposedTexts(outcome));
            listener.attempts.forEach(a -> texts.add(a.toString()));
            texts.addAll(listener.reasons);
            assertThat(outcome.success(), is(false));
            assertNoSecret(texts);
            fx.fake.clearFaults();
        }
    }

    @Test
    void echoedTokenIsMaskedInTheExcerpt() throws Exception {
        fx.fake.enqueueFault(Fault.echoHeaders(400));

        CallOutcome outcome = fx.bearerService().cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(outcome.code(), is(ZenlayerErrorCodes.UNEXPECTED_RESPONSE));
        assertThat(outcome.message(), containsString("Bearer ****"));
        assertNoSecret(Fixture.exposedTexts(outcome));
    }

    @Test
    void noSecretInNetworkFailures() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ZenlayerClientConfig config =
                fx.config().endpoint("http://127.0.0.1:" + closedPort).build();

        CallOutcome key = fx.service(config).cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);
        CallOutcome token = fx.client()
                .service(ZenlayerAuth.bearerToken(Fixture.TOKEN), config)
                .cancelInstanceBandwidthDowngrade(Fixture.INSTANCE, null);

        assertThat(key.code(), is(ZenlayerErrorCodes.NETWORK_ERROR));
        assertNoSecret(Fixture.exposedTexts(key));
        assertNoSecret(Fixture.exposedTexts(token));
    }
}
