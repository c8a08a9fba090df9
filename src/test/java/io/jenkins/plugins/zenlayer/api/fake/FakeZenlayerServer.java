package io.jenkins.plugins.zenlayer.api.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;

/**
 * An in-process stand-in for the Zenlayer BMC API ({@code POST /api/v2/bmc}) on a loopback port.
 *
 * <p>It checks the headers and the ZC2-HMAC-SHA256 signature of every request with its own implementation of the
 * algorithm (deliberately not sharing code with the client), keeps a little instance state, answers with the envelopes
 * of the real API, and injects one-shot faults on demand. It is stricter than the real API in one respect: it requires
 * every header the client is meant to send, so that a regression shows.
 *
 * <p>Connections are HTTP/1.1 only, because MockWebServer applies socket faults reliably only there.
 *
 * <pre>{@code
 * try (FakeZenlayerServer fake = new FakeZenlayerServer().start()) {
 *     fake.addAccessKey("AKID", "secret").addInstance("i-1", InternetChargeType.BY_BANDWIDTH, true);
 *     fake.enqueueFault(Fault.rateLimited(), 2);
 *     ... point the client at fake.endpoint() ...
 * }
 * }</pre>
 */
public final class FakeZenlayerServer implements AutoCloseable {

    public static final String PATH = "/api/v2/bmc";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Set<String> API_VERSIONS = Set.of("2022-11-20", "2026-02-01");
    public static final String CANCEL_ACTION = "CancelInstanceBandwidthDowngrade";
    public static final String DESCRIBE_INSTANCES = "DescribeInstances";
    public static final String DESCRIBE_INTERNET_STATUS = "DescribeInstanceInternetStatus";

    private static final Set<String> ACTIONS = Set.of(CANCEL_ACTION, DESCRIBE_INSTANCES, DESCRIBE_INTERNET_STATUS);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "ZC2-HMAC-SHA256 Credential=([^,\\s]+), SignedHeaders=([^,\\s]+), Signature=([0-9a-f]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@link Exchange#fault()} of a request refused by {@link #rateLimit(int)}. */
    public static final String RATE_LIMIT = "rate limit";

    /** Billing types of the BMC API ({@code internetChargeType}). */
    public enum InternetChargeType {
        BY_BANDWIDTH("ByBandwidth"),
        BY_TRAFFIC_PACKAGE("ByTrafficPackage"),
        BY_INSTANCE_BANDWIDTH_95("ByInstanceBandwidth95"),
        BY_CLUSTER_BANDWIDTH_95("ByClusterBandwidth95");

        private final String wireValue;

        InternetChargeType(String wireValue) {
            this.wireValue = wireValue;
        }

        public String wireValue() {
            return wireValue;
        }
    }

    /** Which error codes CancelInstanceBandwidthDowngrade answers with. */
    public enum CodeGeneration {
        /** Current docs and SDKs: {@code OPERATION_DENIED_DOWNGRADE_NOT_EXIST}, {@code ..._NOT_SUPPORT}. */
        CURRENT,
        /** The 2023 draft: {@code OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH}, {@code ..._NOT_BY_FIX_BANDWIDTH}. */
        GENERATION_2023
    }

    /** One request as seen by the fake, with its answer. */
    public record Exchange(
            RecordedRequest request,
            @CheckForNull String action,
            int status,
            @CheckForNull String code,
            @CheckForNull String requestId,
            @CheckForNull String fault) {

        /** A request header, or null. */
        @CheckForNull
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        /** The request body as UTF-8. */
        public String body() {
            return request.getBody() == null ? "" : request.getBody().utf8();
        }
    }

    /** A one-shot fault applied to the next request instead of (or on top of) the normal handling. */
    public static final class Fault {
        private final String name;
        private final boolean processFirst;
        private final Function<Answer, MockResponse> response;

        private Fault(String name, boolean processFirst, Function<Answer, MockResponse> response) {
            this.name = name;
            this.processFirst = processFirst;
            this.response = response;
        }

        /** Handles the request normally, then holds the response headers back for {@code delay}. */
        public static Fault delay(Duration delay) {
            return new Fault(
                    "delay " + delay.toMillis() + " ms",
                    true,
                    answer -> answer.response
                            .newBuilder()
                            .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                            .build());
        }

        /**
         * Reads the request, applies it to the state (a cancel takes effect), then closes the connection without an
         * answer: the "answer lost" case.
         */
        public static Fault disconnectAfterProcessing() {
            return new Fault(
                    "disconnect after processing",
                    true,
                    answer -> new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket())
                            .build());
        }

        /** Reads the request and closes the connection without an answer and without changing any state. */
        public static Fault disconnectWithoutProcessing() {
            return new Fault(
                    "disconnect without processing",
                    false,
                    answer -> new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket())
                            .build());
        }

        /** 429 REQUEST_LIMIT_EXCEEDED. */
        public static Fault rateLimited() {
            return error(429, "REQUEST_LIMIT_EXCEEDED", "Request limit exceeded, please try again later.");
        }

        /** 503 SERVICE_TEMPORARY_UNAVAILABLE. */
        public static Fault serviceUnavailable() {
            return error(
                    503,
                    "SERVICE_TEMPORARY_UNAVAILABLE",
                    "Service is temporarily unavailable, please try again later.");
        }

        /** 503 REQUEST_TIMED_OUT. */
        public static Fault requestTimedOut() {
            return error(503, "REQUEST_TIMED_OUT", "Request timed out.");
        }

        /** 500 INTERNAL_SERVER_ERROR. */
        public static Fault internalError() {
            return error(500, "INTERNAL_SERVER_ERROR", "Internal server error.");
        }

        /** Any error envelope, for example with a code the client does not know. */
        public static Fault error(int status, String code, String message) {
            return new Fault(
                    "error " + status + " " + code,
                    false,
                    answer -> errorResponse(status, code, message, answer.requestId));
        }

        /** A JSON error envelope cut off in the middle. */
        public static Fault truncatedJson(int status) {
            return new Fault(
                    "truncated JSON " + status,
                    false,
                    answer -> jsonResponse(
                            status, "{\"requestId\":\"" + answer.requestId + "\",\"code\":\"INTERNAL_SERV"));
        }

        /** A body that is not JSON at all, sent as application/json. */
        public static Fault malformedJson(int status) {
            return new Fault("malformed JSON " + status, false, answer -> jsonResponse(status, "{requestId: oops,,}"));
        }

        /** A proxy's HTML error page. */
        public static Fault htmlPage(int status) {
            return new Fault(
                    "HTML page " + status,
                    false,
                    answer -> htmlResponse(
                            status,
                            "<!DOCTYPE html>\n<html>\n<head><title>" + status + " Bad Gateway</title></head>\n<body>\n"
                                    + "<center><h1>" + status
                                    + " Bad Gateway</h1></center>\n<hr><center>nginx</center>\n"
                                    + "</body>\n</html>\n"));
        }

        /** Cloudflare's managed challenge: 403, {@code cf-mitigated: challenge}, HTML. */
        public static Fault cloudflareChallenge() {
            return new Fault(
                    "Cloudflare challenge",
                    false,
                    answer -> htmlResponse(
                                    403,
                                    "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
                                            + "<script>window._cf_chl_opt={cvId:'3'};</script></head><body>"
                                            + "<noscript>Enable JavaScript and cookies to continue</noscript></body></html>")
                            .newBuilder()
                            .addHeader("cf-mitigated", "challenge")
                            .addHeader("Server", "cloudflare")
                            .build());
        }

        /** 451 from a security policy in front of the API. */
        public static Fault blocked451() {
            return new Fault(
                    "HTTP 451",
                    false,
                    answer ->
                            htmlResponse(451, "<html><body><h1>451 Unavailable For Legal Reasons</h1></body></html>"));
        }

        /** A response with no body at all. */
        public static Fault emptyBody(int status) {
            return new Fault(
                    "empty body " + status,
                    false,
                    answer -> new MockResponse.Builder().code(status).build());
        }

        /** 200 that is JSON but not an envelope. */
        public static Fault jsonWithoutEnvelope() {
            return new Fault("JSON without envelope", false, answer -> jsonResponse(200, "{\"status\":\"ok\"}"));
        }

        /** A misconfigured proxy that echoes the request headers in an HTML page. */
        public static Fault echoHeaders(int status) {
            return new Fault(
                    "echo headers " + status,
                    false,
                    answer -> htmlResponse(
                            status,
                            "<html><body><h1>Bad request</h1><pre>" + rawHeaders(answer.request)
                                    + "</pre></body></html>"));
        }

        /** Anything else. */
        public static Fault custom(String name, Function<RecordedRequest, MockResponse> response) {
            return new Fault(name, false, answer -> response.apply(answer.request));
        }

        @Override
        public String toString() {
            return name;
        }

        // Headers.toString() masks Authorization; a careless proxy would not.
        private static String rawHeaders(RecordedRequest request) {
            StringBuilder sb = new StringBuilder();
            var headers = request.getHeaders();
            for (int i = 0; i < headers.size(); i++) {
                sb.append(headers.name(i)).append(": ").append(headers.value(i)).append('\n');
            }
            return sb.toString();
        }
    }

    /** The normal answer to a request, passed to faults that decorate it. */
    private record Answer(RecordedRequest request, String requestId, MockResponse response) {}

    /** The bandwidth of a new instance, and the target of the downgrade it is given when it has one. */
    public static final int DEFAULT_BANDWIDTH_MBPS = 100;

    public static final int DEFAULT_DOWNGRADE_TARGET_MBPS = 50;

    /**
     * One instance: its billing type and its bandwidth as DescribeInstanceInternetStatus shows it. A pending downgrade
     * is {@code WaitToEnable} with a target below the current bandwidth. {@code staleReads} is how many more status
     * reads still show a downgrade that has already been cancelled, as an asynchronous API may.
     */
    private record Instance(
            String id,
            InternetChargeType chargeType,
            @CheckForNull Integer currentMbps,
            @CheckForNull Integer targetMbps,
            @CheckForNull String status,
            int staleReads) {

        static Instance of(String id, InternetChargeType chargeType, boolean pendingDowngrade) {
            return pendingDowngrade
                    ? new Instance(
                            id, chargeType, DEFAULT_BANDWIDTH_MBPS, DEFAULT_DOWNGRADE_TARGET_MBPS, "WaitToEnable", 0)
                    : new Instance(id, chargeType, DEFAULT_BANDWIDTH_MBPS, null, "Enable", 0);
        }

        boolean pendingDowngrade() {
            return "WaitToEnable".equals(status)
                    && currentMbps != null
                    && targetMbps != null
                    && targetMbps < currentMbps;
        }

        Instance withStatus(@CheckForNull Integer current, @CheckForNull Integer target, @CheckForNull String s) {
            return new Instance(id, chargeType, current, target, s, 0);
        }

        /**
         * The downgrade order removed: the bandwidth stays, nothing waits to take effect. The old target is kept only
         * while stale reads still show it.
         */
        Instance cancelled(int stale) {
            return new Instance(id, chargeType, currentMbps, stale > 0 ? targetMbps : null, "Enable", stale);
        }

        /** One stale read done. */
        Instance staleReadDone() {
            int left = staleReads - 1;
            return new Instance(id, chargeType, currentMbps, left > 0 ? targetMbps : null, status, left);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> accessKeys = new HashMap<>();
    private final Set<String> tokens = new HashSet<>();
    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Deque<Long> acceptedTimes = new ArrayDeque<>();
    private final AtomicInteger concurrentRequests = new AtomicInteger();
    private final AtomicInteger peakConcurrentRequests = new AtomicInteger();
    private int rateLimit;
    private long minLatencyNanos;
    private long maxLatencyNanos;
    private Random latencyRandom = new Random(1);
    private Clock clock = Clock.systemUTC();
    private CodeGeneration codeGeneration = CodeGeneration.CURRENT;
    private boolean unknownFields;
    private boolean https;
    private int staleReadsAfterCancel;

    /** Starts plain HTTP on 127.0.0.1 and a random port. */
    public FakeZenlayerServer start() throws IOException {
        server.setDispatcher(new FakeDispatcher());
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return this;
    }

    /** Starts HTTPS on 127.0.0.1; see {@link Tls#generate()} for matching certificates. */
    public FakeZenlayerServer startHttps(HandshakeCertificates serverCertificates) throws IOException {
        server.useHttps(serverCertificates.sslSocketFactory());
        https = true;
        return start();
    }

    /** Base URL for the client configuration, such as {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }

    /** The underlying server, for anything not covered here. */
    public MockWebServer mockWebServer() {
        return server;
    }

    public synchronized FakeZenlayerServer addAccessKey(String accessKeyId, String accessKeyPassword) {
        accessKeys.put(accessKeyId, accessKeyPassword);
        return this;
    }

    /**
     * Where an instance is and how it is billed, as DescribeInstances shows and filters it. Instances without one have
     * {@link #DEFAULT_PLACEMENT}.
     *
     * @param tags key to value, in order
     */
    public record Placement(
            String zoneId,
            String resourceGroupId,
            String instanceStatus,
            String instanceChargeType,
            Map<String, String> tags) {

        public Placement {
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        public Placement withTag(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(tags);
            more.put(key, value);
            return new Placement(zoneId, resourceGroupId, instanceStatus, instanceChargeType, more);
        }

        public Placement inZone(String zone) {
            return new Placement(zone, resourceGroupId, instanceStatus, instanceChargeType, tags);
        }

        public Placement inResourceGroup(String group) {
            return new Placement(zoneId, group, instanceStatus, instanceChargeType, tags);
        }

        public Placement billed(String chargeType) {
            return new Placement(zoneId, resourceGroupId, instanceStatus, chargeType, tags);
        }

        public Placement withStatus(String status) {
            return new Placement(zoneId, resourceGroupId, status, instanceChargeType, tags);
        }
    }

    /** A running, prepaid instance in zone SEL-A, resource group rg-default, without tags. */
    public static final Placement DEFAULT_PLACEMENT =
            new Placement("SEL-A", "rg-default", "RUNNING", "PREPAID", Map.of());

    /** Places an instance added before: DescribeInstances shows it there and its filters find it by it. */
    public synchronized FakeZenlayerServer place(String instanceId, Placement placement) {
        instance(instanceId);
        placements.put(instanceId, placement);
        return this;
    }

    public synchronized FakeZenlayerServer addBearerToken(String token) {
        tokens.add(token);
        return this;
    }

    public synchronized FakeZenlayerServer addInstance(
            String instanceId, InternetChargeType chargeType, boolean pendingDowngrade) {
        instances.put(instanceId, Instance.of(instanceId, chargeType, pendingDowngrade));
        return this;
    }

    /**
     * Gives the instance a downgrade from {@value #DEFAULT_BANDWIDTH_MBPS} to {@value #DEFAULT_DOWNGRADE_TARGET_MBPS}
     * Mbps waiting for the next billing cycle, or none.
     */
    public synchronized FakeZenlayerServer setPendingDowngrade(String instanceId, boolean pending) {
        instances.put(instanceId, Instance.of(instanceId, instance(instanceId).chargeType(), pending));
        return this;
    }

    /**
     * Sets what DescribeInstanceInternetStatus answers for the instance; a {@code null} is left out of the answer.
     * The instance has a pending downgrade, which the cancel action removes, exactly when {@code status} is
     * {@code WaitToEnable} and {@code targetMbps} is below {@code currentMbps}.
     */
    public synchronized FakeZenlayerServer setBandwidthStatus(
            String instanceId,
            @CheckForNull Integer currentMbps,
            @CheckForNull Integer targetMbps,
            @CheckForNull String status) {
        instances.put(instanceId, instance(instanceId).withStatus(currentMbps, targetMbps, status));
        return this;
    }

    /**
     * After each later successful cancellation, the next {@code reads} status reads of that instance still show the
     * downgrade, as an API that applies the cancellation asynchronously would. 0 (the default) shows it gone at once.
     */
    public synchronized FakeZenlayerServer showCancelledDowngradesFor(int reads) {
        this.staleReadsAfterCancel = reads;
        return this;
    }

    /** Whether the instance still has a pending downgrade; a successful cancel clears it. */
    public synchronized boolean pendingDowngrade(String instanceId) {
        return instance(instanceId).pendingDowngrade();
    }

    private Instance instance(String instanceId) {
        Instance i = instances.get(instanceId);
        if (i == null) {
            throw new IllegalArgumentException("no instance " + instanceId);
        }
        return i;
    }

    public synchronized FakeZenlayerServer useCodeGeneration(CodeGeneration generation) {
        this.codeGeneration = generation;
        return this;
    }

    /** Shorthand for {@code useCodeGeneration(CodeGeneration.GENERATION_2023)}. */
    public FakeZenlayerServer useOldGenerationCodes() {
        return useCodeGeneration(CodeGeneration.GENERATION_2023);
    }

    /** The server's idea of "now", for the clock-skew check. */
    public synchronized FakeZenlayerServer setClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Adds fields the client does not know to every success envelope, as newer API versions do. */
    public synchronized FakeZenlayerServer includeUnknownFields(boolean include) {
        this.unknownFields = include;
        return this;
    }

    /**
     * Enforces a rate limit as an API gateway does: a request that arrives when {@code requestsPerSecond} requests were
     * already accepted in the second before it (a sliding window) gets 429 {@code REQUEST_LIMIT_EXCEEDED} and changes
     * nothing; refused requests do not count against the limit. Queued faults are left for the next accepted request.
     * 0 turns the limit off.
     */
    public synchronized FakeZenlayerServer rateLimit(int requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("negative rate limit");
        }
        this.rateLimit = requestsPerSecond;
        acceptedTimes.clear();
        return this;
    }

    /**
     * Holds every answer back for a time drawn uniformly from {@code min} to {@code max} (a fixed seed, so runs are
     * alike), as the real API takes some time to answer. The wait is spent on the connection's thread outside the
     * fake's lock, so requests on other connections are handled meanwhile.
     */
    public synchronized FakeZenlayerServer latency(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency must satisfy 0 <= min <= max");
        }
        this.minLatencyNanos = min.toNanos();
        this.maxLatencyNanos = max.toNanos();
        this.latencyRandom = new Random(1);
        return this;
    }

    /** Requests received and not yet answered, right now. */
    public int concurrentRequests() {
        return concurrentRequests.get();
    }

    /** The most requests received and not yet answered at the same time, since the start or the last reset. */
    public int peakConcurrentRequests() {
        return peakConcurrentRequests.get();
    }

    public void resetPeakConcurrentRequests() {
        peakConcurrentRequests.set(concurrentRequests.get());
    }

    /** Requests refused by {@link #rateLimit(int)}. */
    public synchronized int rateLimitedCount() {
        return (int)
                exchanges.stream().filter(e -> RATE_LIMIT.equals(e.fault())).count();
    }

    /** Applies {@code fault} to the next request. */
    public FakeZenlayerServer enqueueFault(Fault fault) {
        return enqueueFault(fault, 1);
    }

    /** Applies {@code fault} to each of the next {@code times} requests (after faults already queued). */
    public synchronized FakeZenlayerServer enqueueFault(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.addLast(fault);
        }
        return this;
    }

    /** Drops faults that were not used. */
    public synchronized FakeZenlayerServer clearFaults() {
        faults.clear();
        return this;
    }

    public synchronized int pendingFaults() {
        return faults.size();
    }

    /** Every request so far, with the fake's answer. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized List<RecordedRequest> recordedRequests() {
        return exchanges.stream().map(Exchange::request).toList();
    }

    public synchronized int requestCount() {
        return exchanges.size();
    }

    public synchronized int requestCount(String action) {
        return (int) exchanges.stream().filter(e -> action.equals(e.action())).count();
    }

    /** Waits until at least {@code count} requests have arrived. */
    public synchronized boolean awaitRequestCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (exchanges.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        server.close();
    }

    private final class FakeDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            peakConcurrentRequests.accumulateAndGet(concurrentRequests.incrementAndGet(), Math::max);
            try {
                MockResponse response;
                long hold;
                synchronized (FakeZenlayerServer.this) {
                    response = handle(request);
                    hold = nextLatencyNanos();
                }
                if (hold > 0) {
                    TimeUnit.NANOSECONDS.sleep(hold);
                }
                return response;
            } finally {
                concurrentRequests.decrementAndGet();
            }
        }
    }

    private long nextLatencyNanos() {
        if (maxLatencyNanos == 0) {
            return 0;
        }
        return minLatencyNanos + (long) (latencyRandom.nextDouble() * (maxLatencyNanos - minLatencyNanos));
    }

    /** True if the rate limit refuses a request arriving now; otherwise counts it as accepted. */
    private boolean overRateLimit() {
        if (rateLimit == 0) {
            return false;
        }
        long now = System.nanoTime();
        while (!acceptedTimes.isEmpty() && now - acceptedTimes.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
            acceptedTimes.removeFirst();
        }
        if (acceptedTimes.size() >= rateLimit) {
            return true;
        }
        acceptedTimes.addLast(now);
        return false;
    }

    private MockResponse handle(RecordedRequest request) {
        String requestId = "T" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String action = request.getHeaders().get("X-ZC-Action");
        if (overRateLimit()) {
            MockResponse refused = errorResponse(
                    429, "REQUEST_LIMIT_EXCEEDED", "Request limit exceeded, please try again later.", requestId);
            exchanges.add(new Exchange(request, action, 429, "REQUEST_LIMIT_EXCEEDED", requestId, RATE_LIMIT));
            notifyAll();
            return refused;
        }
        Fault fault = faults.pollFirst();
        MockResponse response;
        if (fault != null && !fault.processFirst) {
            response = fault.response.apply(new Answer(request, requestId, null));
        } else {
            response = process(request, requestId);
            if (fault != null) {
                response = fault.response.apply(new Answer(request, requestId, response));
            }
        }
        exchanges.add(new Exchange(
                request,
                action,
                response.getCode(),
                codeOf(response),
                requestId,
                fault == null ? null : fault.toString()));
        notifyAll();
        return response;
    }

    @CheckForNull
    private static String codeOf(MockResponse response) {
        if (response.getBody() == null) {
            return null;
        }
        try {
            Buffer buffer = new Buffer();
            response.getBody().writeTo(buffer);
            JsonNode node = JSON.readTree(buffer.readUtf8());
            return node != null && node.hasNonNull("code") ? node.get("code").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private MockResponse process(RecordedRequest request, String requestId) {
        if (!"POST".equals(request.getMethod())) {
            return htmlResponse(405, "<html><body><h1>405 Method Not Allowed</h1></body></html>");
        }
        if (!PATH.equals(request.getUrl().encodedPath())) {
            return htmlResponse(404, "<html><body><h1>404 Not Found</h1></body></html>");
        }
        var headers = request.getHeaders();
        String authorization = headers.get("Authorization");
        if (authorization == null) {
            return errorResponse(
                    401, "AUTHFAILURE_INVALID_AUTHORIZATION", "Authorization header is missing.", requestId);
        }
        for (String required : List.of("X-ZC-Action", "X-ZC-Version", "X-ZC-Service", "Content-Type", "Host")) {
            if (headers.get(required) == null) {
                return errorResponse(400, "MISSING_PARAMETER", "Missing header " + required + ".", requestId);
            }
        }
        if (!API_VERSIONS.contains(headers.get("X-ZC-Version"))) {
            return errorResponse(
                    400,
                    "INVALID_PARAMETER_VALUE",
                    "Unsupported X-ZC-Version " + headers.get("X-ZC-Version"),
                    requestId);
        }
        if (!"bmc".equals(headers.get("X-ZC-Service"))) {
            return errorResponse(400, "INVALID_PARAMETER_VALUE", "X-ZC-Service does not match the path.", requestId);
        }
        if (!headers.get("Content-Type").startsWith("application/json")) {
            return errorResponse(400, "INVALID_PARAMETER_VALUE", "Content-Type must be application/json.", requestId);
        }
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        MockResponse authFailure = authenticate(request, authorization, body, requestId);
        if (authFailure != null) {
            return authFailure;
        }
        String action = headers.get("X-ZC-Action");
        if (!ACTIONS.contains(action)) {
            return errorResponse(
                    401,
                    "AUTHFAILURE_UNAUTHORIZED_OPERATION",
                    "You are not authorized to perform this operation. Please confirm the interface exists or access"
                            + " is granted.",
                    requestId);
        }
        JsonNode params;
        try {
            params = JSON.readTree(body);
        } catch (IOException e) {
            params = null;
        }
        if (params == null || !params.isObject()) {
            return errorResponse(400, "INVALID_PARAMETER_TYPE", "The request body must be a JSON object.", requestId);
        }
        return switch (action) {
            case CANCEL_ACTION -> cancelDowngrade(params, requestId);
            case DESCRIBE_INSTANCES -> describeInstances(params, requestId);
            default -> describeInternetStatus(params, requestId);
        };
    }

    @CheckForNull
    private MockResponse authenticate(RecordedRequest request, String authorization, byte[] body, String requestId) {
        if (authorization.startsWith("Bearer ")) {
            if (!tokens.contains(authorization.substring("Bearer ".length()))) {
                return errorResponse(
                        401, "AUTHFAILURE_INVALID_AUTHORIZATION", "The access token is invalid or expired.", requestId);
            }
            return null;
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches() || !"content-type;host".equals(m.group(2))) {
            return errorResponse(
                    401,
                    "AUTHFAILURE_INVALID_AUTHORIZATION",
                    "The Authorization header is not in the Zenlayer format.",
                    requestId);
        }
        var headers = request.getHeaders();
        if (!"ZC2-HMAC-SHA256".equals(headers.get("X-ZC-Signature-Method"))) {
            return errorResponse(
                    401,
                    "AUTHFAILURE_INVALID_AUTHORIZATION",
                    "Unsupported or missing X-ZC-Signature-Method.",
                    requestId);
        }
        String timestampHeader = headers.get("X-ZC-Timestamp");
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader);
        } catch (NumberFormatException e) {
            return errorResponse(
                    401, "AUTHFAILURE_INVALID_AUTHORIZATION", "X-ZC-Timestamp is missing or invalid.", requestId);
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW.toSeconds()) {
            return errorResponse(
                    401,
                    "AUTHFAILURE_SIGNATURE_EXPIRED",
                    "Timestamp and server time must not differ by more than five minutes.",
                    requestId);
        }
        String password = accessKeys.get(m.group(1));
        if (password == null) {
            return errorResponse(
                    401, "AUTHFAILURE_INVALID_AUTHORIZATION", "The access key ID does not exist.", requestId);
        }
        String expected =
                expectedSignature(password, headers.get("Content-Type"), headers.get("Host"), timestampHeader, body);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return errorResponse(
                    401, "AUTHFAILURE_SIGNATURE_FAILURE", "The request signature does not match.", requestId);
        }
        return null;
    }

    /** The reference algorithm, written independently of the client's signer. */
    static String expectedSignature(String password, String contentType, String host, String timestamp, byte[] body) {
        String canonicalRequest = String.join(
                "\n",
                "POST",
                "/",
                "",
                "content-type:" + contentType.trim().toLowerCase(Locale.ROOT) + "\nhost:"
                        + host.trim().toLowerCase(Locale.ROOT) + "\n",
                "content-type;host",
                hex(digest(body)));
        String stringToSign = String.join(
                "\n", "ZC2-HMAC-SHA256", timestamp, hex(digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }

    private MockResponse cancelDowngrade(JsonNode params, String requestId) {
        JsonNode idNode = params.get("instanceId");
        if (idNode == null
                || idNode.isNull()
                || (idNode.isTextual() && idNode.asText().isEmpty())) {
            return errorResponse(400, "MISSING_PARAMETER", "The parameter instanceId is required.", requestId);
        }
        if (!idNode.isTextual()) {
            return errorResponse(
                    400, "INVALID_PARAMETER_TYPE", "The parameter instanceId must be a string.", requestId);
        }
        String id = idNode.asText();
        Instance instance = instances.get(id);
        if (instance == null) {
            return errorResponse(
                    404, "INVALID_INSTANCE_NOT_FOUND", "The specified instance `" + id + "` is not found.", requestId);
        }
        boolean old = codeGeneration == CodeGeneration.GENERATION_2023;
        if (instance.chargeType() != InternetChargeType.BY_BANDWIDTH) {
            return errorResponse(
                    403,
                    old
                            ? "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_BY_FIX_BANDWIDTH"
                            : "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT",
                    "The internet charge type of the instance does not support this operation.",
                    requestId);
        }
        if (!instance.pendingDowngrade()) {
            return errorResponse(
                    403,
                    old
                            ? "OPERATION_FILED_INSTANCE_NOT_EXIST_PLAN_FIX_BANDWIDTH"
                            : "OPERATION_DENIED_DOWNGRADE_NOT_EXIST",
                    "No bandwidth downgrade order exists.",
                    requestId);
        }
        instances.put(id, instance.cancelled(staleReadsAfterCancel));
        return success(JSON.createObjectNode(), requestId);
    }

    /**
     * Lists the instances that match every filter given (zone, resource group, status, internet charge type, name with
     * a trailing {@code *} for a prefix, tags, instance IDs), a page at a time, in the order they were added.
     */
    private MockResponse describeInstances(JsonNode params, String requestId) {
        int pageSize = params.path("pageSize").asInt(20);
        int pageNum = params.path("pageNum").asInt(1);
        if (pageSize < 1 || pageSize > 1000) {
            return errorResponse(
                    400, "INVALID_PARAMETER_EXCEED_MAXIMUM", "pageSize must be between 1 and 1000.", requestId);
        }
        List<Instance> matching = instances.values().stream()
                .filter(i -> matches(i, placements.getOrDefault(i.id(), DEFAULT_PLACEMENT), params))
                .toList();
        ObjectNode response = JSON.createObjectNode();
        response.put("totalCount", matching.size());
        ArrayNode dataSet = response.putArray("dataSet");
        matching.stream()
                .skip((long) (Math.max(pageNum, 1) - 1) * pageSize)
                .limit(pageSize)
                .forEach(i -> {
                    Placement p = placements.getOrDefault(i.id(), DEFAULT_PLACEMENT);
                    ObjectNode entry = dataSet.addObject()
                            .put("instanceId", i.id())
                            .put("instanceName", "fake-" + i.id())
                            .put("zoneId", p.zoneId())
                            .put("instanceStatus", p.instanceStatus())
                            .put("instanceChargeType", p.instanceChargeType())
                            .put("internetChargeType", i.chargeType().wireValue())
                            .put("bandwidthOutMbps", i.currentMbps() == null ? 0 : i.currentMbps())
                            .put("resourceGroupId", p.resourceGroupId());
                    ArrayNode tags = entry.putArray("tags");
                    p.tags().forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
                });
        return success(response, requestId);
    }

    private static boolean matches(Instance instance, Placement placement, JsonNode params) {
        if (!matchesText(params, "zoneId", placement.zoneId())
                || !matchesText(params, "resourceGroupId", placement.resourceGroupId())
                || !matchesText(params, "instanceStatus", placement.instanceStatus())
                || !matchesText(
                        params, "internetChargeType", instance.chargeType().wireValue())) {
            return false;
        }
        String name = params.path("instanceName").asText("");
        String actualName = "fake-" + instance.id();
        if (!name.isEmpty()
                && !(name.endsWith("*")
                        ? actualName.startsWith(name.substring(0, name.length() - 1))
                        : actualName.equals(name))) {
            return false;
        }
        JsonNode ids = params.get("instanceIds");
        if (ids != null && ids.isArray() && !ids.isEmpty()) {
            boolean listed = false;
            for (JsonNode id : ids) {
                listed |= instance.id().equals(id.asText());
            }
            if (!listed) {
                return false;
            }
        }
        JsonNode tags = params.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if (!tag.path("value")
                        .asText("")
                        .equals(placement.tags().get(tag.path("key").asText("")))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesText(JsonNode params, String field, String actual) {
        String wanted = params.path(field).asText("");
        return wanted.isEmpty() || wanted.equals(actual);
    }

    private MockResponse describeInternetStatus(JsonNode params, String requestId) {
        String id = params.path("instanceId").asText("");
        Instance instance = instances.get(id);
        if (id.isEmpty()) {
            return errorResponse(400, "MISSING_PARAMETER", "The parameter instanceId is required.", requestId);
        }
        if (instance == null) {
            return errorResponse(
                    404, "INVALID_INSTANCE_NOT_FOUND", "The specified instance `" + id + "` is not found.", requestId);
        }
        ObjectNode response = JSON.createObjectNode().put("instanceId", id).put("instanceName", "fake-" + id);
        if (instance.staleReads() > 0) {
            // The cancellation is still on its way: the old order shows once more.
            instances.put(id, instance.staleReadDone());
            return success(
                    response.put("internetMaxBandwidthOut", instance.currentMbps())
                            .put("modifiedInternetMaxBandwidthOut", instance.targetMbps())
                            .put("modifiedBandwidthStatus", "WaitToEnable"),
                    requestId);
        }
        if (instance.currentMbps() != null) {
            response.put("internetMaxBandwidthOut", instance.currentMbps());
        }
        if (instance.targetMbps() != null) {
            response.put("modifiedInternetMaxBandwidthOut", instance.targetMbps());
        }
        if (instance.status() != null) {
            response.put("modifiedBandwidthStatus", instance.status());
        }
        response.put("trafficPackageSize", 0);
        return success(response, requestId);
    }

    private MockResponse success(ObjectNode response, String requestId) {
        ObjectNode envelope = JSON.createObjectNode().put("requestId", requestId);
        ObjectNode inner = JSON.createObjectNode().put("requestId", requestId);
        inner.setAll(response);
        if (unknownFields) {
            inner.put("someFutureField", "x").putObject("nested").put("a", 1);
            envelope.put("traceId", "abc").putArray("warnings").add("future");
        }
        envelope.set("response", inner);
        return jsonResponse(200, envelope.toString());
    }

    private static MockResponse errorResponse(int status, String code, String message, String requestId) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("requestId", requestId)
                .put("code", code)
                .put("message", message);
        return jsonResponse(status, envelope.toString());
    }

    private static MockResponse jsonResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    private static MockResponse htmlResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "text/html; charset=UTF-8")
                .body(body)
                .build();
    }

    /** Throwaway certificates for {@link #startHttps}: a root, a server certificate for 127.0.0.1, and a trust store. */
    public record Tls(HandshakeCertificates serverCertificates, HandshakeCertificates clientCertificates) {

        public static Tls generate() {
            HeldCertificate root = new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("fake-zenlayer-root")
                    .ecdsa256()
                    .build();
            HeldCertificate server = new HeldCertificate.Builder()
                    .commonName("127.0.0.1")
                    .addSubjectAlternativeName("127.0.0.1")
                    .addSubjectAlternativeName("localhost")
                    .signedBy(root)
                    .ecdsa256()
                    .build();
            HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                    .heldCertificate(server, root.certificate())
                    .build();
            HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(root.certificate())
                    .build();
            return new Tls(serverCertificates, clientCertificates);
        }

        /** Makes {@code builder} trust only the fake's root. */
        public OkHttpClient.Builder trustIn(OkHttpClient.Builder builder) {
            return builder.sslSocketFactory(clientCertificates.sslSocketFactory(), clientCertificates.trustManager());
        }
    }
}
