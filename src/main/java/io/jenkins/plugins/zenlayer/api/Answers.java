package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns one HTTP exchange, or its failure, into an {@link AttemptRecord}. Pure functions of what came back, so they are
 * easy to test.
 */
final class Answers {

    /** How much of a response body is read at most; envelopes of the actions used here are far smaller. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * How much of a DescribeInstances answer is read at most: a page of 1,000 instances, each with its addresses and
     * tags, runs to a few MiB.
     */
    static final int MAX_LIST_BODY_BYTES = 16 * 1024 * 1024;

    private static final int MAX_MESSAGE = 500;
    private static final int MAX_TOKEN = 100;

    private Answers() {}

    /**
     * The attempt being classified.
     *
     * @param number 1-based attempt number
     * @param elapsed how long it took
     * @param mayRetry whether the call allows another attempt after this one
     * @param redactor removes the caller's secrets from whatever the server sent
     * @param action the API action sent, which decides what a successful answer is read for; {@code null} for none
     */
    record Attempt(
            int number,
            Duration elapsed,
            boolean mayRetry,
            Redactor redactor,
            @CheckForNull String action) {}

    /**
     * Classifies a response; reads its body up to {@link #MAX_BODY_BYTES} ({@link #MAX_LIST_BODY_BYTES} for
     * DescribeInstances) and closes it.
     */
    static AttemptRecord fromResponse(Attempt attempt, Response response) throws IOException {
        try (response) {
            // Buffers at most one byte past the limit in Okio's pooled segments, so a call allocates no read buffer of
            // its own (InputStream.readNBytes would take 16 KiB per call for a body of ~100 bytes).
            BufferedSource source = response.body().source();
            int limit = bodyLimit(attempt);
            boolean truncated = source.request(limit + 1L);
            Buffer buffered = source.getBuffer();
            byte[] body = buffered.readByteArray(Math.min(buffered.size(), limit));
            return classify(
                    attempt,
                    response.code(),
                    response.header("Content-Type"),
                    response.header("cf-mitigated"),
                    response.header("Location"),
                    body,
                    truncated);
        }
    }

    private static int bodyLimit(Attempt attempt) {
        return ZenlayerService.DESCRIBE_INSTANCES.equals(attempt.action()) ? MAX_LIST_BODY_BYTES : MAX_BODY_BYTES;
    }

    private static AttemptRecord classify(
            Attempt attempt,
            int status,
            @CheckForNull String contentType,
            @CheckForNull String cfMitigated,
            @CheckForNull String location,
            byte[] body,
            boolean truncated) {
        Redactor redactor = attempt.redactor();
        // 429 and 503 mean "not processed, try later" whatever the body looks like.
        boolean retryableStatus = status == 429 || status == 503;
        if (status == 403 && cfMitigated != null && cfMitigated.strip().equalsIgnoreCase("challenge")) {
            return error(
                    attempt,
                    status,
                    ZenlayerErrorCodes.SECURITY_CHALLENGE,
                    "The request was stopped by a Cloudflare security challenge (HTTP 403, cf-mitigated:"
                            + " challenge) before it reached the Zenlayer API. This is a network-level block,"
                            + " not an API error: check the outbound IP address or proxy of the machine"
                            + " that sends the request.",
                    null,
                    false);
        }
        if (status == 407) {
            return error(
                    attempt,
                    status,
                    ZenlayerErrorCodes.PROXY_AUTHENTICATION_REQUIRED,
                    "The HTTP proxy between Jenkins and the Zenlayer API refused the request (HTTP 407, proxy"
                            + " authentication required); it did not reach the API. Set the proxy's user name and"
                            + " password in Jenkins' proxy configuration, or check them.",
                    null,
                    false);
        }
        if (status == 451) {
            return error(
                    attempt,
                    status,
                    ZenlayerErrorCodes.REQUEST_BLOCKED,
                    "The request was blocked by a security policy (HTTP 451) before it reached the Zenlayer"
                            + " API. Check the outbound IP address or proxy of the machine that sends the request.",
                    null,
                    false);
        }
        if (status >= 300 && status < 400) {
            String target =
                    location == null ? "" : " to " + Text.singleLine(redactor.redact(location), Text.EXCERPT_LENGTH);
            return unexpected(
                    attempt,
                    status,
                    "a redirect" + target + " instead of an answer; configure the final address as the endpoint",
                    null,
                    false);
        }
        if (body.length == 0) {
            return unexpected(attempt, status, "an empty body", null, retryableStatus);
        }
        if (truncated) {
            return unexpected(
                    attempt,
                    status,
                    "a body larger than " + bodyLimit(attempt) / 1024 + " KiB",
                    excerpt(body, contentType, redactor),
                    retryableStatus);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            // The parser's message is not shown: it is noise to a user and may quote the body at length.
            String what = looksLikeJson(body)
                    ? "malformed or truncated JSON"
                    : "a non-JSON body" + (contentType == null ? "" : " (" + Text.singleLine(contentType, 60) + ")");
            return unexpected(attempt, status, what, excerpt(body, contentType, redactor), retryableStatus);
        } catch (IOException e) {
            return unexpected(
                    attempt, status, "an unreadable body", excerpt(body, contentType, redactor), retryableStatus);
        }
        if (root == null || !root.isObject()) {
            return unexpected(
                    attempt,
                    status,
                    "JSON that is not an object",
                    excerpt(body, contentType, redactor),
                    retryableStatus);
        }
        String requestId = redactor.redact(token(root.get("requestId")));
        String code = redactor.redact(token(root.get("code")));
        if (status >= 200 && status < 300) {
            JsonNode response = root.get("response");
            if (response != null && response.isObject()) {
                if (requestId == null) {
                    requestId = redactor.redact(token(response.get("requestId")));
                }
                JsonNode total = response.get("totalCount");
                Long totalCount = total != null && total.canConvertToLong() ? total.asLong() : null;
                InternetStatus internetStatus =
                        ZenlayerService.DESCRIBE_INSTANCE_INTERNET_STATUS.equals(attempt.action())
                                ? InternetStatus.from(response, redactor)
                                : null;
                List<InstanceInfo> instances = null;
                JsonNode dataSet = response.get("dataSet");
                if (ZenlayerService.DESCRIBE_INSTANCES.equals(attempt.action())
                        && dataSet != null
                        && dataSet.isArray()) {
                    instances = new ArrayList<>();
                    for (JsonNode entry : dataSet) {
                        if (entry.isObject()) {
                            instances.add(InstanceInfo.from(entry, redactor));
                        }
                    }
                }
                return new AttemptRecord(
                        attempt.number(),
                        attempt.elapsed(),
                        status,
                        null,
                        null,
                        requestId,
                        "HTTP " + status + " OK" + requestIdSuffix(requestId),
                        true,
                        false,
                        false,
                        false,
                        totalCount,
                        internetStatus,
                        instances);
            }
            if (code == null) {
                return unexpected(
                        attempt,
                        status,
                        "JSON without the 'response' object",
                        excerpt(body, contentType, redactor),
                        retryableStatus);
            }
        } else if (code == null) {
            return unexpected(
                    attempt,
                    status,
                    "JSON without an error code",
                    excerpt(body, contentType, redactor),
                    retryableStatus);
        }
        String message = Text.singleLine(redactor.redact(text(root.get("message"))), MAX_MESSAGE);
        return error(
                attempt, status, code, message, requestId, retryableStatus || ZenlayerErrorCodes.isRetryable(code));
    }

    /**
     * Classifies an attempt that got no response.
     *
     * @param requestSent whether the complete request reached the network
     * @param connected whether a connection was obtained
     * @param callTimedOut whether the call timeout ended the attempt
     */
    static AttemptRecord fromFailure(
            Attempt attempt,
            IOException e,
            boolean requestSent,
            boolean connected,
            boolean callTimedOut,
            Duration callTimeout) {
        // Timeout messages differ between JDK and Okio layers; one wording keeps build logs comparable.
        String detail = e instanceof SocketTimeoutException
                ? (requestSent ? "read timed out" : connected ? "write timed out" : "connect timed out")
                : Text.singleLine(attempt.redactor().redact(describe(e)), 200);
        if (callTimedOut) {
            String summary = "call timeout (" + human(callTimeout) + ") "
                    + (requestSent ? "after the request was sent, no answer" : "before the request was sent");
            return transport(attempt, ZenlayerErrorCodes.CALL_TIMEOUT, summary, requestSent, true);
        }
        if (isCertificateProblem(e)) {
            // A certificate will not become trusted by retrying.
            return transport(
                    attempt, ZenlayerErrorCodes.NETWORK_ERROR, "TLS handshake failed: " + detail, false, false);
        }
        String summary;
        if (requestSent) {
            summary = "no answer after the request was sent: " + detail;
        } else if (!connected
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException) {
            summary = "connect failed: " + detail;
        } else {
            summary = "request not sent: " + detail;
        }
        return transport(attempt, ZenlayerErrorCodes.NETWORK_ERROR, summary, requestSent, true);
    }

    private static AttemptRecord transport(
            Attempt attempt, String code, String summary, boolean requestSent, boolean retryable) {
        String line = Text.singleLine(summary, 300);
        return new AttemptRecord(
                attempt.number(),
                attempt.elapsed(),
                0,
                code,
                line,
                null,
                line,
                requestSent,
                retryable,
                requestSent,
                retryable && attempt.mayRetry(),
                null,
                null,
                null);
    }

    private static AttemptRecord error(
            Attempt attempt,
            int status,
            String code,
            String message,
            @CheckForNull String requestId,
            boolean retryable) {
        return answeredError(
                attempt,
                status,
                code,
                message,
                requestId,
                "HTTP " + status + " " + code + requestIdSuffix(requestId),
                retryable);
    }

    private static AttemptRecord unexpected(
            Attempt attempt, int status, String what, @CheckForNull String excerpt, boolean retryable) {
        String message = "Unexpected response from the Zenlayer API: HTTP " + status + " with " + what
                + (excerpt == null || excerpt.isEmpty() ? "." : ": \"" + excerpt + "\"");
        String summary = "HTTP " + status + " " + ZenlayerErrorCodes.UNEXPECTED_RESPONSE + " (" + what + ")";
        return answeredError(
                attempt,
                status,
                ZenlayerErrorCodes.UNEXPECTED_RESPONSE,
                message,
                null,
                Text.singleLine(summary, 300),
                retryable);
    }

    /** An answer that is an error: the request was sent and answered, so nothing was lost. */
    private static AttemptRecord answeredError(
            Attempt attempt,
            int status,
            String code,
            String message,
            @CheckForNull String requestId,
            String summary,
            boolean retryable) {
        return new AttemptRecord(
                attempt.number(),
                attempt.elapsed(),
                status,
                code,
                message,
                requestId,
                summary,
                true,
                retryable,
                false,
                retryable && attempt.mayRetry(),
                null,
                null,
                null);
    }

    private static String excerpt(byte[] body, @CheckForNull String contentType, Redactor redactor) {
        // Redact before cutting, so that no prefix of a secret survives at the cut.
        String text = redactor.redact(new String(body, StandardCharsets.UTF_8));
        return redactor.redact(Text.excerpt(text, contentType, Text.EXCERPT_LENGTH));
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    @CheckForNull
    private static String token(@CheckForNull JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String s = Text.singleLine(node.asText(), MAX_TOKEN);
        return s.isEmpty() ? null : s;
    }

    private static String text(@CheckForNull JsonNode node) {
        return node == null || node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String requestIdSuffix(@CheckForNull String requestId) {
        return requestId == null ? "" : " (requestId " + requestId + ")";
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        StringBuilder sb = new StringBuilder(
                message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
            sb.append(": ").append(cause.getMessage().strip());
        }
        // Not cut here: the caller masks secrets first and cuts afterwards, so no fragment of a secret survives a cut.
        return Text.singleLine(sb.toString(), 8192);
    }

    private static boolean isCertificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException || t instanceof CertificateException) {
                return true;
            }
            if (t instanceof SSLHandshakeException && t.getCause() instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    static String human(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        return d.toMillis() + " ms";
    }
}
