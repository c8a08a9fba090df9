package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

/**
 * Removes the caller's secrets from text that leaves the client. Server answers are untrusted: a misconfigured proxy
 * may echo request headers, and a bearer token travels in clear in the Authorization header.
 */
final class Redactor {

    static final String MASK = "****";

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).toList();
    }

    static Redactor of(ZenlayerAuth auth) {
        return switch (auth) {
            case ZenlayerAuth.AccessKey k -> new Redactor(List.of(k.accessKeyPassword()));
            case ZenlayerAuth.BearerToken t -> new Redactor(List.of(t.token()));
        };
    }

    String redact(@CheckForNull String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
