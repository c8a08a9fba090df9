package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jvnet.localizer.Localizable;

/**
 * How to reach the Zenlayer API: endpoint, API version, timeouts and retries, with their validation rules.
 *
 * <p>The endpoint must use HTTPS; plain HTTP is accepted only for a loopback address (127.0.0.0/8, ::1 or
 * {@code localhost}), where a local test double or proxy may listen. Host names are never resolved while checking.
 *
 * @param endpoint base URL, for example {@code https://console.zenlayer.com}
 * @param apiVersion value of {@code X-ZC-Version}, {@code YYYY-MM-DD}
 * @param connectTimeoutSeconds TCP and TLS connect timeout
 * @param callTimeoutSeconds limit for one HTTP attempt
 * @param maxRetries attempts after the first one for answers that mean "try again"
 */
public record ConnectionSettings(
        String endpoint, String apiVersion, int connectTimeoutSeconds, int callTimeoutSeconds, int maxRetries) {

    public static final String DEFAULT_ENDPOINT = ZenlayerClientConfig.DEFAULT_ENDPOINT;
    public static final String DEFAULT_API_VERSION = ZenlayerClientConfig.DEFAULT_API_VERSION;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS =
            (int) ZenlayerClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    public static final int DEFAULT_CALL_TIMEOUT_SECONDS = (int) ZenlayerClientConfig.DEFAULT_CALL_TIMEOUT.toSeconds();
    public static final int DEFAULT_MAX_RETRIES = ZenlayerClientConfig.DEFAULT_MAX_ATTEMPTS - 1;
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = (int) ZenlayerClientConfig.MAX_CONNECT_TIMEOUT.toSeconds();
    public static final int MAX_CALL_TIMEOUT_SECONDS = (int) ZenlayerClientConfig.MAX_CALL_TIMEOUT.toSeconds();
    public static final int MAX_RETRIES = ZenlayerClientConfig.MAX_ATTEMPTS_LIMIT - 1;

    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The defaults, as documented for the Zenlayer API. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(
                DEFAULT_ENDPOINT,
                DEFAULT_API_VERSION,
                DEFAULT_CONNECT_TIMEOUT_SECONDS,
                DEFAULT_CALL_TIMEOUT_SECONDS,
                DEFAULT_MAX_RETRIES);
    }

    /** Every problem of these settings; empty when they can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        endpointProblem(endpoint).ifPresent(problems::add);
        apiVersionProblem(apiVersion).ifPresent(problems::add);
        rangeProblem(connectTimeoutSeconds, 1, MAX_CONNECT_TIMEOUT_SECONDS, Messages._Settings_connectTimeout())
                .ifPresent(problems::add);
        rangeProblem(callTimeoutSeconds, 1, MAX_CALL_TIMEOUT_SECONDS, Messages._Settings_callTimeout())
                .ifPresent(problems::add);
        rangeProblem(maxRetries, 0, MAX_RETRIES, Messages._Settings_maxRetries())
                .ifPresent(problems::add);
        return problems;
    }

    /**
     * The client configuration for these settings; call only when {@link #problems()} is empty.
     *
     * @throws IllegalArgumentException if the client rejects a value
     */
    public ZenlayerClientConfig toClientConfig(String userAgent) {
        return ZenlayerClientConfig.builder()
                .endpoint(endpoint.strip())
                .apiVersion(apiVersion.strip())
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .callTimeout(Duration.ofSeconds(callTimeoutSeconds))
                .maxAttempts(maxRetries + 1)
                .userAgent(userAgent)
                .build();
    }

    /** A copy that makes a single attempt, for interactive checks that should answer quickly. */
    public ConnectionSettings withoutRetries() {
        return new ConnectionSettings(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, 0);
    }

    /** What is wrong with an endpoint URL, if anything. */
    public static Optional<String> endpointProblem(@CheckForNull String endpoint) {
        String value = endpoint == null ? "" : endpoint.strip();
        if (value.isEmpty()) {
            return Optional.of(Messages.Settings_endpointMissing(DEFAULT_ENDPOINT));
        }
        if (value.indexOf('@') >= 0) {
            // Checked before parsing, and the value is not repeated: it may hold a password, and a password with
            // an '@' in it leaves the URL without recognisable user info.
            return Optional.of(Messages.Settings_endpointUserInfo());
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of(Messages.Settings_endpointMalformed(value));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of(Messages.Settings_endpointScheme(value));
        }
        if (host == null || host.isEmpty()) {
            return Optional.of(Messages.Settings_endpointMalformed(value));
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            return Optional.of(Messages.Settings_endpointPlainHttp(value));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of(Messages.Settings_endpointQuery(value));
        }
        try {
            // Whatever else the client would refuse at build time (such as a path that already ends in the
            // service path) is refused by the form too.
            ZenlayerClientConfig.builder().endpoint(value).build();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
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

    /** What is wrong with an API version, if anything. */
    public static Optional<String> apiVersionProblem(@CheckForNull String apiVersion) {
        String value = apiVersion == null ? "" : apiVersion.strip();
        if (!API_VERSION.matcher(value).matches()) {
            return Optional.of(Messages.Settings_apiVersionMalformed(value, DEFAULT_API_VERSION));
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return Optional.of(Messages.Settings_apiVersionMalformed(value, DEFAULT_API_VERSION));
        }
        return Optional.empty();
    }

    /** What is wrong with a whole number typed into a form, if anything. */
    public static Optional<String> rangeProblem(@CheckForNull String value, int min, int max, Localizable what) {
        String text = value == null ? "" : value.strip();
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Optional.of(Messages.Settings_notANumber(what, min, max));
        }
        return rangeProblem(number, min, max, what);
    }

    /** What is wrong with a whole number, if anything. */
    public static Optional<String> rangeProblem(int value, int min, int max, Localizable what) {
        if (value < min || value > max) {
            return Optional.of(Messages.Settings_outOfRange(what, value, min, max));
        }
        return Optional.empty();
    }
}
