package io.jenkins.plugins.zenlayer.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException.Problem;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException.Setting;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Immutable settings of the calls made by a {@link ZenlayerService}. Build with {@link #builder()}. */
public final class ZenlayerClientConfig {

    /** The only documented API host. */
    public static final String DEFAULT_ENDPOINT = "https://console.zenlayer.com";
    /** Version sent by the current SDKs and CLI for BMC (the docs' examples still show {@code 2022-11-20}). */
    public static final String DEFAULT_API_VERSION = "2026-02-01";
    /** The X-ZC-Service value and last path segment. */
    public static final String SERVICE = "bmc";
    /** Path of the BMC service below the endpoint. */
    public static final String SERVICE_PATH = "/api/v2/" + SERVICE;

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration MAX_CALL_TIMEOUT = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS_LIMIT = 10;
    public static final Duration MAX_INITIAL_BACKOFF = Duration.ofMinutes(1);
    public static final int MAX_USER_AGENT_LENGTH = 256;

    /** The product token of the default User-Agent. */
    public static final String USER_AGENT_PRODUCT = "zenlayer-cloud-jenkins-plugin";

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String endpoint;
    private final String apiVersion;
    private final Duration connectTimeout;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final String userAgent;

    private ZenlayerClientConfig(Builder b) {
        this.endpoint = checkEndpoint(b.endpoint);
        this.apiVersion = checkApiVersion(b.apiVersion);
        this.connectTimeout = checkConnectTimeout(b.connectTimeout);
        this.callTimeout = checkCallTimeout(b.callTimeout);
        this.maxAttempts = checkMaxAttempts(b.maxAttempts);
        this.initialBackoff = requireDuration(
                Setting.INITIAL_BACKOFF, "initial backoff", b.initialBackoff, MAX_INITIAL_BACKOFF, true);
        this.userAgent = requireUserAgent(b.userAgent == null ? defaultUserAgent() : b.userAgent);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults. */
    public static ZenlayerClientConfig defaults() {
        return builder().build();
    }

    /** Scheme, host, optional port and optional path prefix, without a trailing slash. */
    public String endpoint() {
        return endpoint;
    }

    /** The URL requests are POSTed to: {@code {endpoint}/api/v2/bmc}. */
    public String serviceUrl() {
        return endpoint + SERVICE_PATH;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** OkHttp's call timeout, applied to each attempt separately. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Total attempts including the first one. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Nominal wait before the second attempt; it doubles for each further attempt. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The default User-Agent, {@code zenlayer-cloud-jenkins-plugin/<version>}, the version from the jar manifest. */
    public static String defaultUserAgent() {
        return userAgentFor(ZenlayerClientConfig.class.getPackage().getImplementationVersion());
    }

    /** {@code zenlayer-cloud-jenkins-plugin/<version>}, the version reduced to characters safe in a header. */
    static String userAgentFor(@CheckForNull String version) {
        String v = version == null ? "" : version.strip().replaceAll("[^A-Za-z0-9._+-]", "-");
        return USER_AGENT_PRODUCT + "/" + (v.isEmpty() ? "dev" : v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZenlayerClientConfig c
                && endpoint.equals(c.endpoint)
                && apiVersion.equals(c.apiVersion)
                && connectTimeout.equals(c.connectTimeout)
                && callTimeout.equals(c.callTimeout)
                && maxAttempts == c.maxAttempts
                && initialBackoff.equals(c.initialBackoff)
                && userAgent.equals(c.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, apiVersion, connectTimeout, callTimeout, maxAttempts, initialBackoff, userAgent);
    }

    @Override
    public String toString() {
        return "ZenlayerClientConfig[endpoint=" + endpoint + ", apiVersion=" + apiVersion + ", connectTimeout="
                + connectTimeout + ", callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff + ", userAgent=" + userAgent + "]";
    }

    /**
     * The rule for the endpoint: https, or plain http to the local machine only (127.0.0.0/8, ::1 or
     * {@code localhost}, where a test double or local proxy may listen); a host; no user info, query, fragment or
     * service path. Host names are never resolved.
     *
     * @return the endpoint normalised: scheme, lowercase host, optional port and optional path prefix, no trailing
     *     slash
     * @throws InvalidSettingException naming the problem
     */
    public static String checkEndpoint(@CheckForNull String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw endpointProblem(
                    Problem.MISSING, value, "The Zenlayer API endpoint is blank; use " + DEFAULT_ENDPOINT + ".");
        }
        if (value.indexOf('@') >= 0) {
            // Checked before parsing, and the value is never quoted: it may hold a password, and a password with an
            // '@' in it leaves the URL without recognisable user info.
            throw endpointProblem(Problem.USER_INFO, value, USER_INFO_MESSAGE);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw endpointProblem(
                    Problem.MALFORMED,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100) + " is not a valid URL: "
                            + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw endpointProblem(
                    Problem.SCHEME,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100)
                            + " must start with https:// (for example " + DEFAULT_ENDPOINT + ").");
        }
        if (uri.getRawUserInfo() != null) {
            // Never keep credentials that would end up in logs and messages.
            throw endpointProblem(Problem.USER_INFO, value, USER_INFO_MESSAGE);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw endpointProblem(
                    Problem.MALFORMED,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100) + " has no host name.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw endpointProblem(
                    Problem.PLAIN_HTTP,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100)
                            + " uses plain HTTP: use https://. Plain HTTP is accepted only for a loopback address.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw endpointProblem(
                    Problem.QUERY_OR_FRAGMENT,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100)
                            + " must not contain a query (?) or fragment (#).");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(SERVICE_PATH)) {
            throw endpointProblem(
                    Problem.SERVICE_PATH,
                    value,
                    "The Zenlayer API endpoint " + Text.quoteForMessage(value, 100) + " must not include "
                            + SERVICE_PATH + "; it is added automatically.");
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    }

    private static final String USER_INFO_MESSAGE =
            "The Zenlayer API endpoint must not contain a user name or password; configure credentials separately.";

    private static InvalidSettingException endpointProblem(Problem problem, String value, String message) {
        return new InvalidSettingException(Setting.ENDPOINT, problem, value, message);
    }

    /** Whether a URL host names the local machine: 127.0.0.0/8, ::1 or {@code localhost}. Never resolves names. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return octets[0].equals("127");
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // A bracketed host is an IPv6 literal: parsed, never looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * The rule for the API version: a date written {@code YYYY-MM-DD}.
     *
     * @throws InvalidSettingException naming the problem
     */
    public static String checkApiVersion(@CheckForNull String raw) {
        String v = raw == null ? "" : raw.strip();
        boolean valid = API_VERSION.matcher(v).matches();
        if (valid) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new InvalidSettingException(
                    Setting.API_VERSION,
                    v.isEmpty() ? Problem.MISSING : Problem.MALFORMED,
                    v,
                    "The Zenlayer API version must look like YYYY-MM-DD (for example " + DEFAULT_API_VERSION + "), got "
                            + Text.quoteForMessage(v, 40) + ".");
        }
        return v;
    }

    /**
     * The rule for the connect timeout: positive, at most {@link #MAX_CONNECT_TIMEOUT}.
     *
     * @throws InvalidSettingException naming the problem
     */
    public static Duration checkConnectTimeout(@CheckForNull Duration timeout) {
        return requireDuration(Setting.CONNECT_TIMEOUT, "connect timeout", timeout, MAX_CONNECT_TIMEOUT, false);
    }

    /**
     * The rule for the call timeout: positive, at most {@link #MAX_CALL_TIMEOUT}.
     *
     * @throws InvalidSettingException naming the problem
     */
    public static Duration checkCallTimeout(@CheckForNull Duration timeout) {
        return requireDuration(Setting.CALL_TIMEOUT, "call timeout", timeout, MAX_CALL_TIMEOUT, false);
    }

    /**
     * The rule for the number of attempts: 1 (no retry) to {@link #MAX_ATTEMPTS_LIMIT}.
     *
     * @throws InvalidSettingException naming the problem
     */
    public static int checkMaxAttempts(int attempts) {
        if (attempts < 1 || attempts > MAX_ATTEMPTS_LIMIT) {
            throw new InvalidSettingException(
                    Setting.MAX_ATTEMPTS,
                    Problem.OUT_OF_RANGE,
                    Integer.toString(attempts),
                    "The maximum number of attempts must be between 1 and " + MAX_ATTEMPTS_LIMIT
                            + " (1 means no retry), got " + attempts + ".");
        }
        return attempts;
    }

    private static Duration requireDuration(
            Setting setting, String what, @CheckForNull Duration d, Duration max, boolean zeroAllowed) {
        if (d == null) {
            throw new InvalidSettingException(setting, Problem.MISSING, null, "The " + what + " is not set.");
        }
        String problem = null;
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            problem =
                    "The " + what + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ", got " + d + ".";
        } else if (d.compareTo(max) > 0) {
            problem = "The " + what + " must be at most " + max + ", got " + d + ".";
        } else if (!zeroAllowed && d.toMillis() < 1) {
            problem = "The " + what + " must be at least 1 ms, got " + d + ".";
        }
        if (problem != null) {
            throw new InvalidSettingException(setting, Problem.OUT_OF_RANGE, d.toString(), problem);
        }
        return d;
    }

    private static String requireUserAgent(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new InvalidSettingException(Setting.USER_AGENT, Problem.MISSING, v, "The User-Agent is blank.");
        }
        if (v.length() > MAX_USER_AGENT_LENGTH) {
            throw new InvalidSettingException(
                    Setting.USER_AGENT,
                    Problem.OUT_OF_RANGE,
                    v,
                    "The User-Agent is longer than " + MAX_USER_AGENT_LENGTH + " characters (" + v.length() + ").");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' || c >= 0x7F) {
                throw new InvalidSettingException(
                        Setting.USER_AGENT,
                        Problem.MALFORMED,
                        v,
                        "The User-Agent may contain only printable ASCII characters; " + Text.quoteForMessage(v, 80)
                                + " has another one at position " + (i + 1) + ".");
            }
        }
        return v;
    }

    /** Mutable builder; every value is validated by {@link #build()}. */
    public static final class Builder {
        private String endpoint = DEFAULT_ENDPOINT;
        private String apiVersion = DEFAULT_API_VERSION;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private String userAgent;

        private Builder() {}

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint == null ? null : endpoint.toString();
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Overrides the User-Agent; {@code null} restores the default. */
        public Builder userAgent(@CheckForNull String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid value */
        public ZenlayerClientConfig build() {
            return new ZenlayerClientConfig(this);
        }
    }
}
