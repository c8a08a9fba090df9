package io.jenkins.plugins.zenlayer.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ZC2-HMAC-SHA256 request signature of the Zenlayer Cloud API 2.0. Only {@code content-type} and {@code host} are
 * signed, the canonical URI is always {@code /}, and the HMAC key is the access key password itself (no derivation).
 */
public final class Zc2Signer {

    /** Algorithm name, used in the Authorization and X-ZC-Signature-Method headers and the string to sign. */
    public static final String ALGORITHM = "ZC2-HMAC-SHA256";

    /** The headers covered by the signature, in canonical order. */
    public static final String SIGNED_HEADERS = "content-type;host";

    private static final HexFormat HEX = HexFormat.of();

    // Instances are not thread-safe but are costly to look up; one per thread keeps signing in the microsecond range.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    private Zc2Signer() {}

    /**
     * Computes the signature of one request.
     *
     * @param accessKeyPassword the HMAC key, used as its UTF-8 bytes
     * @param contentType the exact Content-Type header value that is sent
     * @param host the exact Host header value that is sent ({@code host:port} for a non-default port)
     * @param timestampSeconds the X-ZC-Timestamp value, Unix seconds
     * @param body the exact request body bytes that are sent
     * @return the signature, lowercase hex
     */
    public static String sign(
            String accessKeyPassword, String contentType, String host, long timestampSeconds, byte[] body) {
        String canonical = canonicalRequest(contentType, host, hashedPayload(body));
        return hmacHex(accessKeyPassword, stringToSign(timestampSeconds, sha256Hex(canonical)));
    }

    /** The Authorization header value for an access key signature. */
    public static String authorization(String accessKeyId, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature="
                + signature;
    }

    /** HashedRequestPayload: lowercase hex SHA-256 of the body bytes. */
    public static String hashedPayload(byte[] body) {
        return HEX.formatHex(SHA256.get().digest(body));
    }

    /** The canonical request; note the blank line after the canonical headers, which end with their own newline. */
    public static String canonicalRequest(String contentType, String host, String hashedPayload) {
        return "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\n" + SIGNED_HEADERS + "\n"
                + hashedPayload;
    }

    /** HashedCanonicalRequest, or any other lowercase hex SHA-256 of UTF-8 text. */
    public static String sha256Hex(String text) {
        return HEX.formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The string to sign; no trailing newline. */
    public static String stringToSign(long timestampSeconds, String hashedCanonicalRequest) {
        return ALGORITHM + "\n" + timestampSeconds + "\n" + hashedCanonicalRequest;
    }

    static String hmacHex(String key, String message) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            // Deliberately without the cause: its message could describe the key.
            throw new IllegalStateException("cannot initialise HmacSHA256");
        }
        return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
