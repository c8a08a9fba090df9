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
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns one HTTP exchange, or its failure, into an {@link Result}. Pure functions, so they are easy to test. */
final class Answers {

    /** How much of a response body is read at most; envelopes of the actions used here are far smaller. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int MAX_MESSAGE = 500;
    private static final int MAX_TOKEN = 100;

    private Answers() {}

    /** What an HTTP response looked like, with its body read up to {@link #MAX_BODY_BYTES}. */
    record Raw(
            int status,
            @CheckForNull String contentType,
            @CheckForNull String cfMitigated,
            @CheckForNull String location,
            byte[] body,
            boolean truncated) {}

    /** The classification of one attempt. */
    record Result(
            boolean success,
            int httpStatus,
            @CheckForNull ApiError error,
            @CheckForNull String requestId,
            String summary,
            boolean requestSent,
            boolean retryable,
            boolean noAnswerAfterSending,
            @CheckForNull Long totalCount) {

        @CheckForNull
        String code() {
            return error == null ? null : error.code();
        }
    }

    static Result fromResponse(Raw raw, Redactor redactor) {
        int status = raw.status();
        // 429 and 503 mean "not processed, try later" whatever the body looks like.
        boolean retryableStatus = status == 429 || status == 503;
        String cfMitigated = raw.cfMitigated();
        if (status == 403 && cfMitigated != null && cfMitigated.strip().equalsIgnoreCase("challenge")) {
            return error(
                    new ApiError(
                            status,
                            ZenlayerErrorCodes.SECURITY_CHALLENGE,
                            "The request was stopped by a Cloudflare security challenge (HTTP 403, cf-mitigated:"
                                    + " challenge) before it reached the Zenlayer API. This is a network-level block,"
                                    + " not an API error: check the outbound IP address or proxy of the machine"
                                    + " that sends the request.",
                            null),
                    false);
        }
        if (status == 451) {
            return error(
                    new ApiError(
                            status,
                            ZenlayerErrorCodes.REQUEST_BLOCKED,
                            "The request was blocked by a security policy (HTTP 451) before it reached the Zenlayer"
                                    + " API. Check the outbound IP address or proxy of the machine that sends the request.",
                            null),
                    false);
        }
        if (status >= 300 && status < 400) {
            String target = raw.location() == null
                    ? ""
                    : " to " + Text.singleLine(redactor.redact(raw.location()), Text.EXCERPT_LENGTH);
            return unexpected(
                    status,
                    "a redirect" + target + " instead of an answer; configure the final address as the endpoint",
                    null,
                    false);
        }
        if (raw.body().length == 0) {
            return unexpected(status, "an empty body", null, retryableStatus);
        }
        if (raw.truncated()) {
            return unexpected(status, "a body larger than 64 KiB", excerpt(raw, redactor), retryableStatus);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(raw.body());
        } catch (JacksonException e) {
            // The parser's message is not shown: it is noise to a user and may quote the body at length.
            String what = looksLikeJson(raw.body())
                    ? "malformed or truncated JSON"
                    : "a non-JSON body" + (raw.contentType() == null ? "" : " (" + contentTypeOf(raw) + ")");
            return unexpected(status, what, excerpt(raw, redactor), retryableStatus);
        } catch (IOException e) {
            return unexpected(status, "an unreadable body", excerpt(raw, redactor), retryableStatus);
        }
        if (root == null || !root.isObject()) {
            return unexpected(status, "JSON that is not an object", excerpt(raw, redactor), retryableStatus);
        }
        String requestId = redactor.redact(token(root.get("requestId")));
        JsonNode codeNode = root.get("code");
        String code = redactor.redact(token(codeNode));
        if (status >= 200 && status < 300) {
            JsonNode response = root.get("response");
            if (response != null && response.isObject()) {
                if (requestId == null) {
                    requestId = redactor.redact(token(response.get("requestId")));
                }
                JsonNode total = response.get("totalCount");
                Long totalCount = total != null && total.canConvertToLong() ? total.asLong() : null;
                return new Result(
                        true,
                        status,
                        null,
                        requestId,
                        "HTTP " + status + " OK" + requestIdSuffix(requestId),
                        true,
                        false,
                        false,
                        totalCount);
            }
            if (code == null) {
                return unexpected(
                        status, "JSON without the 'response' object", excerpt(raw, redactor), retryableStatus);
            }
        } else if (code == null) {
            return unexpected(status, "JSON without an error code", excerpt(raw, redactor), retryableStatus);
        }
        String message = Text.singleLine(redactor.redact(text(root.get("message"))), MAX_MESSAGE);
        ApiError apiError = new ApiError(status, code, message, requestId);
        return error(apiError, retryableStatus || ZenlayerErrorCodes.isRetryable(code));
    }

    static Result fromFailure(
            IOException e,
            boolean requestSent,
            boolean connected,
            boolean callTimedOut,
            Duration callTimeout,
            Redactor redactor) {
        // Timeout messages differ between JDK and Okio layers; one wording keeps build logs comparable.
        String detail = e instanceof SocketTimeoutException
                ? (requestSent ? "read timed out" : connected ? "write timed out" : "connect timed out")
                : Text.singleLine(redactor.redact(describe(e)), 200);
        if (callTimedOut) {
            String summary = "call timeout (" + human(callTimeout) + ") "
                    + (requestSent ? "after the request was sent, no answer" : "before the request was sent");
            return transport(ZenlayerErrorCodes.CALL_TIMEOUT, summary, requestSent, true);
        }
        if (isCertificateProblem(e)) {
            // A certificate will not become trusted by retrying.
            return transport(ZenlayerErrorCodes.NETWORK_ERROR, "TLS handshake failed: " + detail, false, false);
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
        return transport(ZenlayerErrorCodes.NETWORK_ERROR, summary, requestSent, true);
    }

    private static Result transport(String code, String summary, boolean requestSent, boolean retryable) {
        String line = Text.singleLine(summary, 300);
        return new Result(
                false, 0, new ApiError(0, code, line, null), null, line, requestSent, retryable, requestSent, null);
    }

    private static Result error(ApiError error, boolean retryable) {
        String summary = "HTTP " + error.httpStatus() + " " + error.code() + requestIdSuffix(error.requestId());
        return new Result(false, error.httpStatus(), error, error.requestId(), summary, true, retryable, false, null);
    }

    private static Result unexpected(int status, String what, @CheckForNull String excerpt, boolean retryable) {
        String message = "Unexpected response from the Zenlayer API: HTTP " + status + " with " + what
                + (excerpt == null || excerpt.isEmpty() ? "." : ": \"" + excerpt + "\"");
        ApiError apiError = new ApiError(status, ZenlayerErrorCodes.UNEXPECTED_RESPONSE, message, null);
        String summary = "HTTP " + status + " " + ZenlayerErrorCodes.UNEXPECTED_RESPONSE + " (" + what + ")";
        return new Result(false, status, apiError, null, Text.singleLine(summary, 300), true, retryable, false, null);
    }

    private static String excerpt(Raw raw, Redactor redactor) {
        // Redact before cutting, so that no prefix of a secret survives at the cut.
        String text = redactor.redact(new String(raw.body(), StandardCharsets.UTF_8));
        return redactor.redact(Text.excerpt(text, raw.contentType(), Text.EXCERPT_LENGTH));
    }

    private static String contentTypeOf(Raw raw) {
        return Text.singleLine(raw.contentType(), 60);
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
