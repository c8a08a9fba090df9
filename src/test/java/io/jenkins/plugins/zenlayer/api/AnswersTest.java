package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final Redactor NONE = new Redactor(List.of());

    private static Answers.Raw raw(int status, String contentType, String body) {
        return new Answers.Raw(status, contentType, null, null, body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void successTakesTheNestedRequestIdWhenTheTopLevelOneIsMissing() {
        Answers.Result r =
                Answers.fromResponse(raw(200, "application/json", "{\"response\":{\"requestId\":\"T9\"}}"), NONE);

        assertThat(r.success(), is(true));
        assertThat(r.requestId(), is("T9"));
        assertThat(r.totalCount(), nullValue());
    }

    @Test
    void errorEnvelopeWithStatus200IsAnError() {
        Answers.Result r = Answers.fromResponse(
                raw(200, "application/json", "{\"requestId\":\"T1\",\"code\":\"SOMETHING\",\"message\":\"m\"}"), NONE);

        assertThat(r.success(), is(false));
        assertThat(r.code(), is("SOMETHING"));
        assertThat(r.retryable(), is(false));
    }

    @Test
    void jsonArrayAndTrailingGarbageAreUnexpected() {
        assertThat(
                Answers.fromResponse(raw(200, "application/json", "[1,2]"), NONE)
                        .code(),
                is("UNEXPECTED_RESPONSE"));
        assertThat(
                Answers.fromResponse(raw(200, "application/json", "{\"response\":{}}<html>"), NONE)
                        .code(),
                is("UNEXPECTED_RESPONSE"));
    }

    @Test
    void errorJsonWithoutCodeIsUnexpectedButA503StaysRetryable() {
        Answers.Result r = Answers.fromResponse(raw(503, "application/json", "{\"message\":\"down\"}"), NONE);

        assertThat(r.code(), is("UNEXPECTED_RESPONSE"));
        assertThat(r.error().message(), containsString("without an error code"));
        assertThat(r.retryable(), is(true));
    }

    @Test
    void serverMessagesAreMadeSingleLine() {
        Answers.Result r = Answers.fromResponse(
                raw(400, "application/json", "{\"code\":\"X\",\"message\":\"line1\\nline2\\u0007\"}"), NONE);

        assertThat(r.error().message(), is("line1 line2"));
    }

    @Test
    void certificateProblemsAreNotRetried() {
        SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
        e.initCause(new CertificateException("untrusted"));

        Answers.Result r = Answers.fromFailure(e, false, true, false, Duration.ofSeconds(30), NONE);

        assertThat(r.code(), is("NETWORK_ERROR"));
        assertThat(r.retryable(), is(false));
        assertThat(r.summary(), containsString("TLS handshake failed"));
    }

    @Test
    void failureSummaries() {
        assertThat(
                Answers.fromFailure(
                                new SocketTimeoutException("timeout"), true, true, false, Duration.ofSeconds(1), NONE)
                        .summary(),
                is("no answer after the request was sent: read timed out"));
        assertThat(
                Answers.fromFailure(new IOException("broken pipe"), false, true, false, Duration.ofSeconds(1), NONE)
                        .summary(),
                is("request not sent: broken pipe"));
        Answers.Result timeout =
                Answers.fromFailure(new IOException("x"), false, true, true, Duration.ofSeconds(30), NONE);
        assertThat(timeout.summary(), is("call timeout (30 s) before the request was sent"));
        assertThat(timeout.noAnswerAfterSending(), is(false));
        assertThat(timeout.retryable(), is(true));
    }

    @Test
    void textHelpers() {
        assertThat(Text.singleLine("  a \r\n\t b\u200Bc  ", 100), is("a b c"));
        assertThat(Text.singleLine("abcdefghij", 5), is("abcd…"));
        assertThat(
                Text.excerpt(
                        "<html><head><style>p{}</style><script>x()</script></head><body><p>Hi&amp;bye</p>", null, 50),
                is("Hi&bye"));
        assertThat(Text.quoteForMessage("a\u0000b", 10), is("'a\\u0000b'"));
    }
}
