package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/** The {@link ZenlayerService} returned by {@link ZenlayerClient#service}. */
final class ZenlayerServiceImpl implements ZenlayerService {

    /**
     * The one Content-Type used both as the body's media type and as the signed value: OkHttp replaces any manually
     * set Content-Type with the body's media type, so the two must be the same string.
     */
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final MediaType MEDIA_TYPE = MediaType.get(CONTENT_TYPE);

    /** Jitter spreads retries of concurrent builds; ±20 % keeps every wait recognisably 1 s, 2 s, 4 s. */
    static final double JITTER = 0.2;

    private final ZenlayerClient client;
    private final ZenlayerAuth auth;
    private final ZenlayerClientConfig config;
    private final Redactor redactor;

    ZenlayerServiceImpl(ZenlayerClient client, ZenlayerAuth auth, ZenlayerClientConfig config) {
        this.client = client;
        this.auth = auth;
        this.config = config;
        this.redactor = Redactor.of(auth);
    }

    @Override
    public CallOutcome cancelInstanceBandwidthDowngrade(String instanceId, AttemptListener listener)
            throws InterruptedException {
        return callForInstance(CANCEL_INSTANCE_BANDWIDTH_DOWNGRADE, instanceId, listener, true);
    }

    @Override
    public CallOutcome describeInstanceInternetStatus(String instanceId, AttemptListener listener)
            throws InterruptedException {
        // Read-only: an attempt whose answer was lost changed nothing, so it needs no inference.
        return callForInstance(DESCRIBE_INSTANCE_INTERNET_STATUS, instanceId, listener, false);
    }

    /** An action whose body is {@code {"instanceId": ...}}, with the ID checked before anything is sent. */
    private CallOutcome callForInstance(
            String action, String instanceId, AttemptListener listener, boolean inferFromAmbiguousRetry)
            throws InterruptedException {
        String id = InstanceIds.normalize(instanceId);
        ObjectNode body = Json.MAPPER.createObjectNode().put("instanceId", id);
        return call(action, id, body, listener, inferFromAmbiguousRetry);
    }

    @Override
    public CallOutcome describeInstances(InstanceFilter filter, int pageNum, int pageSize, AttemptListener listener)
            throws InterruptedException {
        if (pageNum < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page " + pageNum + " of size " + pageSize);
        }
        return call(DESCRIBE_INSTANCES, null, filter.toRequest(pageNum, pageSize), listener, false);
    }

    @Override
    public String toString() {
        return "ZenlayerService[" + auth + ", " + config + "]";
    }

    private CallOutcome call(
            String action,
            @CheckForNull String instanceId,
            ObjectNode json,
            @CheckForNull AttemptListener listener,
            boolean inferFromAmbiguousRetry)
            throws InterruptedException {
        AttemptListener events = listener == null ? AttemptListener.NONE : listener;
        checkNotInterrupted();
        byte[] body;
        try {
            // Serialised once: these exact bytes are hashed, signed and sent on every attempt.
            body = Json.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the request body", e);
        }
        OkHttpClient http = client.derive(config);
        HttpUrl url = HttpUrl.get(config.serviceUrl());
        String host = hostHeader(url);
        List<AttemptRecord> attempts = new ArrayList<>();
        int firstLost = 0;
        for (int number = 1; ; number++) {
            checkNotInterrupted();
            AttemptRecord record = attempt(http, url, host, action, body, number);
            attempts.add(record);
            notify(() -> events.onAttempt(record));

            if (record.succeeded()) {
                return CallOutcome.of(action, instanceId, attempts);
            }
            if (record.answerLost() && firstLost == 0) {
                firstLost = number;
            }
            boolean lostAnswerMatters = inferFromAmbiguousRetry && firstLost != 0;
            if (lostAnswerMatters && ZenlayerErrorCodes.isNoPendingDowngrade(record.code())) {
                return CallOutcome.afterLostAnswer(
                        action, instanceId, attempts, CallOutcome.LostAnswer.INFERRED_SUCCESS, firstLost);
            }
            if (!record.willRetry()) {
                return lostAnswerMatters
                        ? CallOutcome.afterLostAnswer(
                                action, instanceId, attempts, CallOutcome.LostAnswer.MAY_HAVE_TAKEN_EFFECT, firstLost)
                        : CallOutcome.of(action, instanceId, attempts);
            }
            Duration wait = backoffBefore(number + 1);
            int next = number + 1;
            notify(() -> events.onBackoff(next, wait, record.summary()));
            client.backoff().await(wait);
        }
    }

    /** Nominal initial·2^(n-2) before attempt n, i.e. 1 s, 2 s, 4 s by default, with ±{@link #JITTER}. */
    Duration backoffBefore(int nextAttempt) {
        long nominal = config.initialBackoff().toNanos() << Math.min(nextAttempt - 2, 20);
        double factor = 1 - JITTER + 2 * JITTER * Math.clamp(client.nextJitter(), 0.0, 1.0);
        return Duration.ofNanos(Math.round(nominal * factor));
    }

    private AttemptRecord attempt(OkHttpClient http, HttpUrl url, String host, String action, byte[] body, int number)
            throws InterruptedException {
        Request.Builder request = new Request.Builder()
                .url(url)
                .post(new OneShotBody(body))
                .header("X-ZC-Action", action)
                .header("X-ZC-Version", config.apiVersion())
                .header("X-ZC-Service", ZenlayerClientConfig.SERVICE)
                .header("Accept", "application/json")
                .header("User-Agent", config.userAgent());
        switch (auth) {
            case ZenlayerAuth.AccessKey key -> {
                // A fresh timestamp per attempt, as the official SDKs do: retries never run into the skew limit.
                long timestamp = client.clock().instant().getEpochSecond();
                String signature = Zc2Signer.sign(key.accessKeyPassword(), CONTENT_TYPE, host, timestamp, body);
                request.header("X-ZC-Timestamp", Long.toString(timestamp))
                        .header("X-ZC-Signature-Method", Zc2Signer.ALGORITHM)
                        .header("X-ZC-Signature-Version", "V2")
                        .header("Authorization", Zc2Signer.authorization(key.accessKeyId(), signature));
            }
            case ZenlayerAuth.BearerToken token -> request.header("Authorization", "Bearer " + token.token());
        }
        AttemptTracker tracker = new AttemptTracker();
        request.tag(AttemptTracker.class, tracker);
        Call call = http.newCall(request.build());
        // Enqueued, not executed: the calling thread waits interruptibly, and an interrupt cancels the call at once.
        InFlight current = new InFlight(tracker, action, number, number < config.maxAttempts());
        call.enqueue(current);
        try {
            return current.answer.get();
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("unexpected failure of an HTTP attempt", e.getCause());
        }
    }

    private static void checkNotInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("The Zenlayer API call was interrupted.");
        }
    }

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // A failing listener (for example a closed build log) must not change the outcome of the call.
        }
    }

    /** The Host header OkHttp sends for {@code url}: the port only when it is not the scheme's default. */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    /** One HTTP attempt and its classified answer, completed by OkHttp's callback. */
    private final class InFlight implements Callback {
        final AttemptTracker tracker;
        final String action;
        final int number;
        final boolean mayRetry;
        final long start = System.nanoTime();
        final CompletableFuture<AttemptRecord> answer = new CompletableFuture<>();

        InFlight(AttemptTracker tracker, String action, int number, boolean mayRetry) {
            this.tracker = tracker;
            this.action = action;
            this.number = number;
            this.mayRetry = mayRetry;
        }

        private Answers.Attempt attempt() {
            return new Answers.Attempt(number, Duration.ofNanos(System.nanoTime() - start), mayRetry, redactor, action);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            // A call cancelled here is one whose thread was interrupted, and nobody waits for it any more; any other
            // cancelled call was ended by the call timeout.
            boolean callTimedOut = call.isCanceled() && e instanceof InterruptedIOException;
            answer.complete(Answers.fromFailure(
                    attempt(), e, tracker.requestSent(), tracker.connected(), callTimedOut, config.callTimeout()));
        }

        @Override
        public void onResponse(Call call, Response response) {
            try {
                answer.complete(Answers.fromResponse(attempt(), response));
            } catch (IOException e) {
                onFailure(call, e);
            } catch (RuntimeException e) {
                onFailure(call, new IOException("failed to read the response", e));
            }
        }
    }

    /**
     * The request body, marked one-shot so that OkHttp never silently resends this non-idempotent request after it
     * may have reached the server; retries are decided, counted and reported here instead.
     */
    private static final class OneShotBody extends RequestBody {
        private final byte[] bytes;

        OneShotBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return MEDIA_TYPE;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
