package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final Answers.Attempt FIRST =
            new Answers.Attempt(1, Duration.ofMillis(5), true, new Redactor(List.of()), null);

    /** Classifies a response as OkHttp delivers it. */
    private static AttemptRecord answer(int status, String contentType, String body) throws IOException {
        Response response = new Response.Builder()
                .request(new Request.Builder()
                        .url("https://console.zenlayer.com/api/v2/bmc")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message("status " + status)
                .header("Content-Type", contentType)
                .body(ResponseBody.create(body, MediaType.get(contentType)))
                .build();
        return Answers.fromResponse(FIRST, response);
    }

    @Test
    void successTakesTheNestedRequestIdWhenTheTopLevelOneIsMissing() throws Exception {
        AttemptRecord r = answer(200, "application/json", "{\"response\":{\"requestId\":\"T9\"}}");

        assertThat(r.succeeded(), is(true));
        assertThat(r.requestId(), is("T9"));
        assertThat(r.totalCount(), nullValue());
    }

    @Test
    void errorEnvelopeWithStatus200IsAnError() throws Exception {
        AttemptRecord r =
                answer(200, "application/json", "{\"requestId\":\"T1\",\"code\":\"SOMETHING\",\"message\":\"m\"}");

        assertThat(r.succeeded(), is(false));
        assertThat(r.code(), is("SOMETHING"));
        assertThat(r.retryable(), is(false));
    }

    @Test
    void jsonArrayAndTrailingGarbageAreUnexpected() throws Exception {
        assertThat(answer(200, "application/json", "[1,2]").code(), is("UNEXPECTED_RESPONSE"));
        assertThat(answer(200, "application/json", "{\"response\":{}}<html>").code(), is("UNEXPECTED_RESPONSE"));
    }

    @Test
    void errorJsonWithoutCodeIsUnexpectedButA503StaysRetryable() throws Exception {
        AttemptRecord r = answer(503, "application/json", "{\"message\":\"down\"}");

        assertThat(r.code(), is("UNEXPECTED_RESPONSE"));
        assertThat(r.message(), containsString("without an error code"));
        assertThat(r.retryable(), is(true));
        assertThat(r.willRetry(), is(true));
    }

    @Test
    void serverMessagesAreMadeSingleLine() throws Exception {
        AttemptRecord r = answer(400, "application/json", "{\"code\":\"X\",\"message\":\"line1\\nline2\\u0007\"}");

        assertThat(r.message(), is("line1 line2"));
    }

    @Test
    void certificateProblemsAreNotRetried() throws Exception {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
        e.initCause(new CertificateException("untrusted"));

        AttemptRecord r = Answers.fromFailure(FIRST, e, false, true, false, Duration.ofSeconds(30));

        assertThat(r.code(), is("NETWORK_ERROR"));
        assertThat(r.retryable(), is(false));
        assertThat(r.summary(), containsString("TLS handshake failed"));
    }

    @Test
    void failureSummaries() throws Exception {
        assertThat(
                Answers.fromFailure(
                                FIRST, new SocketTimeoutException("timeout"), true, true, false, Duration.ofSeconds(1))
                        .summary(),
                is("no answer after the request was sent: read timed out"));
        assertThat(
                Answers.fromFailure(FIRST, new IOException("broken pipe"), false, true, false, Duration.ofSeconds(1))
                        .summary(),
                is("request not sent: broken pipe"));
        AttemptRecord timeout =
                Answers.fromFailure(FIRST, new IOException("x"), false, true, true, Duration.ofSeconds(30));
        assertThat(timeout.summary(), is("call timeout (30 s) before the request was sent"));
        assertThat(timeout.answerLost(), is(false));
        assertThat(timeout.retryable(), is(true));
    }

    @Test
    void textHelpers() throws Exception {
        assertThat(Text.singleLine("  a \r\n\t b\u200Bc  ", 100), is("a b c"));
        assertThat(Text.singleLine("abcdefghij", 5), is("abcd…"));
        assertThat(
                Text.excerpt(
                        "<html><head><style>p{}</style><script>x()</script></head><body><p>Hi&amp;bye</p>", null, 50),
                is("Hi&bye"));
        assertThat(Text.quoteForMessage("a\u0000b", 10), is("'a\\u0000b'"));
    }
}
