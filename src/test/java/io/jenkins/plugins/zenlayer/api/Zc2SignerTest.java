package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Zc2SignerTest {

    private static final String PASSWORD = "Gu5t9xGARNpq86cd98joQYCN3";
    private static final String HOST = "console.zenlayer.com";
    private static final long TIMESTAMP = 1673361177L;
    private static final String CT_UTF8 = "application/json; charset=utf-8";

    @Test
    void officialWorkedExample() {
        byte[] body = "{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}".getBytes(StandardCharsets.UTF_8);

        String payloadHash = Zc2Signer.hashedPayload(body);
        String canonical = Zc2Signer.canonicalRequest(CT_UTF8, HOST, payloadHash);

        assertThat(payloadHash, is("5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a"));
        assertThat(
                canonical,
                is("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:console.zenlayer.com\n\n"
                        + "content-type;host\n5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a"));
        assertThat(
                Zc2Signer.sha256Hex(canonical), is("29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee"));
        assertThat(
                Zc2Signer.sign(PASSWORD, CT_UTF8, HOST, TIMESTAMP, body),
                is("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json; charset=utf-8|f9c1b954a54395c12f468218a3b7400d62eafe8e98d9cdae3115cf5ad22d903b"
                        + "|5d4f6ace13452069c4f3f87e993fefe9e95b42674d377626472990f1f4e79d9e",
                "application/json|4e251d0c4de5ab7ba15491615c05f9a26551aff992ec4884ba26620aba7d0e57"
                        + "|3166f411341513893f1f61bb7c86a70a5a16e0b979213ec4d2718461bea20f6a"
            })
    void derivedVectorsForThisAction(String contentType, String hashedCanonical, String signature) {
        byte[] body = "{\"instanceId\":\"123456789\"}".getBytes(StandardCharsets.UTF_8);

        String payloadHash = Zc2Signer.hashedPayload(body);

        assertThat(payloadHash, is("43189394441945715abc31ac4ba5460594935b510bb9b1993a5805417a8bd150"));
        assertThat(
                Zc2Signer.sha256Hex(Zc2Signer.canonicalRequest(contentType, HOST, payloadHash)), is(hashedCanonical));
        assertThat(Zc2Signer.sign(PASSWORD, contentType, HOST, TIMESTAMP, body), is(signature));
    }

    @Test
    void stringToSignHasNoTrailingNewline() {
        assertThat(Zc2Signer.stringToSign(1673361177L, "abc"), is("ZC2-HMAC-SHA256\n1673361177\nabc"));
    }

    @Test
    void authorizationHeaderFormat() {
        assertThat(
                Zc2Signer.authorization("0D9UtpyKYcHxms5v", "efb356c3"),
                is("ZC2-HMAC-SHA256 Credential=0D9UtpyKYcHxms5v, SignedHeaders=content-type;host, Signature=efb356c3"));
    }

    @Test
    void everyInputChangesTheSignature() {
        byte[] body = "{\"instanceId\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String base = Zc2Signer.sign(PASSWORD, CT_UTF8, HOST, TIMESTAMP, body);

        assertThat(Zc2Signer.sign(PASSWORD + "x", CT_UTF8, HOST, TIMESTAMP, body), not(base));
        assertThat(Zc2Signer.sign(PASSWORD, "application/json", HOST, TIMESTAMP, body), not(base));
        assertThat(Zc2Signer.sign(PASSWORD, CT_UTF8, HOST + ":8443", TIMESTAMP, body), not(base));
        assertThat(Zc2Signer.sign(PASSWORD, CT_UTF8, HOST, TIMESTAMP + 1, body), not(base));
        assertThat(
                Zc2Signer.sign(
                        PASSWORD, CT_UTF8, HOST, TIMESTAMP, "{\"instanceId\":\"2\"}".getBytes(StandardCharsets.UTF_8)),
                not(base));
        assertThat(base.matches("[0-9a-f]{64}"), is(true));
    }

    @Test
    void reusedPerThreadInstancesGiveTheSameResultUnderConcurrency() throws Exception {
        byte[] body = "{\"pageSize\":10,\"pageNum\":1,\"zoneId\":\"HKG-A\"}".getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(Collections.nCopies(8, () -> {
                for (int i = 0; i < 2_000; i++) {
                    // Interleave a different key so that a leaked Mac state would show.
                    Zc2Signer.sign("other", CT_UTF8, HOST, i, body);
                    if (!Zc2Signer.sign(PASSWORD, CT_UTF8, HOST, TIMESTAMP, body)
                            .equals("efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f")) {
                        return false;
                    }
                }
                return true;
            }));
            for (Future<Boolean> r : results) {
                assertThat(r.get(), is(true));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://console.zenlayer.com/api/v2/bmc, console.zenlayer.com",
        "https://console.zenlayer.com:443/api/v2/bmc, console.zenlayer.com",
        "http://127.0.0.1:8080/api/v2/bmc, 127.0.0.1:8080",
        "http://example.com:80/api/v2/bmc, example.com",
        "https://example.com:80/api/v2/bmc, example.com:80",
        "'http://[::1]:9000/api/v2/bmc', '[::1]:9000'"
    })
    void signedHostOmitsOnlyTheDefaultPortOfTheScheme(String url, String host) {
        assertThat(ZenlayerServiceImpl.hostHeader(HttpUrl.get(url)), is(host));
    }
}
