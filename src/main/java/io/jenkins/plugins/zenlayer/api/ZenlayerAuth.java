package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Credentials for the Zenlayer Cloud API: an access key (signed with ZC2-HMAC-SHA256) or a personal access token
 * (sent as {@code Authorization: Bearer}). Secrets are only reachable from this package and never appear in
 * {@link Object#toString()} or in exception messages.
 *
 * <p>Surrounding whitespace is stripped from every value, because pasted credentials often carry a trailing line
 * break that would otherwise fail the signature with a confusing error.
 */
public sealed interface ZenlayerAuth permits ZenlayerAuth.AccessKey, ZenlayerAuth.BearerToken {

    /** Access key id and password, signed with ZC2-HMAC-SHA256. */
    static ZenlayerAuth accessKey(String accessKeyId, String accessKeyPassword) {
        return new AccessKey(accessKeyId, accessKeyPassword);
    }

    /** A personal access token, sent as {@code Authorization: Bearer <token>}. */
    static ZenlayerAuth bearerToken(String token) {
        return new BearerToken(token);
    }

    /** Short description of the kind of credential, without secrets. */
    String kind();

    /** Access key authentication. */
    final class AccessKey implements ZenlayerAuth {
        private final String accessKeyId;
        private final String accessKeyPassword;

        private AccessKey(@CheckForNull String accessKeyId, @CheckForNull String accessKeyPassword) {
            this.accessKeyId = requireToken(accessKeyId, "access key ID");
            this.accessKeyPassword = requireSecret(accessKeyPassword, "access key password", false);
        }

        /** The access key id; it is not secret and is sent in the Authorization header. */
        public String accessKeyId() {
            return accessKeyId;
        }

        String accessKeyPassword() {
            return accessKeyPassword;
        }

        @Override
        public String kind() {
            return "access key";
        }

        @Override
        public String toString() {
            return "AccessKey[id=" + accessKeyId + ", password=" + Redactor.MASK + "]";
        }
    }

    /** Personal access token authentication. */
    final class BearerToken implements ZenlayerAuth {
        private final String token;

        private BearerToken(@CheckForNull String token) {
            this.token = requireSecret(token, "access token", true);
        }

        String token() {
            return token;
        }

        @Override
        public String kind() {
            return "access token";
        }

        @Override
        public String toString() {
            return "BearerToken[token=" + Redactor.MASK + "]";
        }
    }

    private static String requireToken(@CheckForNull String value, String what) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("The Zenlayer " + what + " is blank.");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new IllegalArgumentException("The Zenlayer " + what + " " + Text.quoteForMessage(v, 40)
                        + " contains a character that is not allowed in an HTTP header (position " + (i + 1) + ").");
            }
        }
        return v;
    }

    private static String requireSecret(@CheckForNull String value, String what, boolean sentAsHeader) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("The Zenlayer " + what + " is blank.");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean bad = Character.isWhitespace(c) || Character.isISOControl(c) || (sentAsHeader && c >= 0x7F);
            // The value itself must never be echoed: only the position of the offending character.
            if (bad) {
                throw new IllegalArgumentException("The Zenlayer " + what + " contains whitespace, a control character"
                        + (sentAsHeader ? " or a non-ASCII character" : "") + " (position " + (i + 1)
                        + "). Copy it again from the Zenlayer console.");
            }
        }
        return v;
    }
}
