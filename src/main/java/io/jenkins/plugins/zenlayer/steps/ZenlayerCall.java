package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.time.Instant;

/**
 * One Zenlayer call made by a build, as stored in the build record and shown on the build page. Holds no secret:
 * instance ID, request ID, result, error code and message are all shown in the build log too.
 */
public final class ZenlayerCall implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String action;
    private final String instanceId;
    private final String requestId;
    private final String result;
    private final String code;
    private final String message;
    private final long timestamp;

    public ZenlayerCall(
            String action,
            String instanceId,
            @CheckForNull String requestId,
            String result,
            @CheckForNull String code,
            @CheckForNull String message,
            long timestamp) {
        this.action = action;
        this.instanceId = instanceId;
        this.requestId = requestId;
        this.result = result;
        this.code = code;
        this.message = message;
        this.timestamp = timestamp;
    }

    public String getAction() {
        return action;
    }

    public String getInstanceId() {
        return instanceId;
    }

    @CheckForNull
    public String getRequestId() {
        return requestId;
    }

    /** {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}. */
    public String getResult() {
        return result;
    }

    @CheckForNull
    public String getCode() {
        return code;
    }

    @CheckForNull
    public String getMessage() {
        return message;
    }

    /** Milliseconds since the epoch when the call finished. */
    public long getTimestamp() {
        return timestamp;
    }

    /** The time in ISO-8601 (UTC), for display. */
    public String getTime() {
        return Instant.ofEpochMilli(timestamp).toString();
    }

    @Override
    public String toString() {
        return action + "(" + instanceId + ") " + result + (code == null ? "" : " " + code) + " requestId=" + requestId;
    }
}
