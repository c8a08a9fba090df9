package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Objects;

/**
 * An error answer of the Zenlayer API, or a client-side failure described with a pseudo-code from
 * {@link ZenlayerErrorCodes}.
 *
 * @param httpStatus HTTP status of the answer, 0 when there was none
 * @param code the error code, verbatim (unknown codes are kept as they are)
 * @param message human-readable message, never containing credentials
 * @param requestId the server's request id, if the answer had one
 */
public record ApiError(
        int httpStatus,
        @NonNull String code,
        @NonNull String message,
        @CheckForNull String requestId) {

    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(code);
        if (httpStatus != 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" [requestId ").append(requestId).append(']');
        }
        return sb.toString();
    }
}
