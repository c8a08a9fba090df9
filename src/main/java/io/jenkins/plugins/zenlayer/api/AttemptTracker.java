package io.jenkins.plugins.zenlayer.api;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Follows one attempt's progress to tell "never sent" from "sent, no answer". The request body is one-shot, so OkHttp
 * does not resend it by itself once sending has started and these flags describe a single transmission.
 */
final class AttemptTracker extends EventListener {

    private volatile boolean connected;
    private volatile boolean bodySent;
    private volatile boolean sendFailed;
    private volatile boolean responseStarted;

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connected = true;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        bodySent = true;
    }

    @Override
    public void requestFailed(Call call, IOException ioe) {
        // Fired when writing or flushing the request fails: the server cannot have a complete request.
        sendFailed = true;
    }

    @Override
    public void responseHeadersStart(Call call) {
        responseStarted = true;
    }

    /** Whether a connection was obtained. */
    boolean connected() {
        return connected;
    }

    /** Whether the complete request was handed to the network, so the server may have acted on it. */
    boolean requestSent() {
        return responseStarted || (bodySent && !sendFailed);
    }
}
