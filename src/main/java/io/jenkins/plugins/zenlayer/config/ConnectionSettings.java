package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jvnet.localizer.Localizable;

/**
 * How to reach the Zenlayer API, as configured: endpoint, API version, timeouts in seconds and retries. Every value is
 * checked by the client's own rule ({@link ZenlayerClientConfig}'s {@code check*} methods); this class only converts
 * units and words the client's findings in the user's language, for the form checks, the save, Configuration as Code
 * and the build alike.
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
        WholeNumber.CONNECT_TIMEOUT_SECONDS.problem(connectTimeoutSeconds).ifPresent(problems::add);
        WholeNumber.CALL_TIMEOUT_SECONDS.problem(callTimeoutSeconds).ifPresent(problems::add);
        WholeNumber.MAX_RETRIES.problem(maxRetries).ifPresent(problems::add);
        return problems;
    }

    /**
     * The client configuration for these settings; call only when {@link #problems()} is empty.
     *
     * @throws IllegalArgumentException if the client rejects a value
     */
    public ZenlayerClientConfig toClientConfig() {
        return ZenlayerClientConfig.builder()
                .endpoint(endpoint)
                .apiVersion(apiVersion)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .callTimeout(Duration.ofSeconds(callTimeoutSeconds))
                .maxAttempts(maxRetries + 1)
                .build();
    }

    /** A copy that makes a single attempt, for interactive checks that should answer quickly. */
    public ConnectionSettings withoutRetries() {
        return new ConnectionSettings(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, 0);
    }

    /** What is wrong with an endpoint URL, if anything. */
    public static Optional<String> endpointProblem(@CheckForNull String endpoint) {
        return problemOf(() -> ZenlayerClientConfig.checkEndpoint(endpoint));
    }

    /** What is wrong with an API version, if anything. */
    public static Optional<String> apiVersionProblem(@CheckForNull String apiVersion) {
        return problemOf(() -> ZenlayerClientConfig.checkApiVersion(apiVersion));
    }

    /** The whole-number settings, in the units users configure, each checked by the client's rule. */
    public enum WholeNumber {
        CONNECT_TIMEOUT_SECONDS(1, MAX_CONNECT_TIMEOUT_SECONDS, Messages._Settings_connectTimeout()) {
            @Override
            void check(int value) {
                ZenlayerClientConfig.checkConnectTimeout(Duration.ofSeconds(value));
            }
        },
        CALL_TIMEOUT_SECONDS(1, MAX_CALL_TIMEOUT_SECONDS, Messages._Settings_callTimeout()) {
            @Override
            void check(int value) {
                ZenlayerClientConfig.checkCallTimeout(Duration.ofSeconds(value));
            }
        },
        MAX_RETRIES(0, ConnectionSettings.MAX_RETRIES, Messages._Settings_maxRetries()) {
            @Override
            void check(int value) {
                // Users configure retries; the client counts attempts, the first one included.
                ZenlayerClientConfig.checkMaxAttempts(value + 1);
            }
        };

        private final int min;
        private final int max;
        private final Localizable what;

        WholeNumber(int min, int max, Localizable what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        /** @throws InvalidSettingException if the client refuses the value */
        abstract void check(int value);

        /** What is wrong with a value, if anything. */
        public Optional<String> problem(int value) {
            try {
                check(value);
                return Optional.empty();
            } catch (InvalidSettingException e) {
                return Optional.of(Messages.Settings_outOfRange(what, value, min, max));
            }
        }

        /** What is wrong with a value typed into a form or a YAML file, which may not be a whole number at all. */
        public Optional<String> problem(@CheckForNull String text) {
            Integer value = parse(text);
            return value == null ? Optional.of(Messages.Settings_notANumber(what, min, max)) : problem(value);
        }

        /**
         * A value that passes {@link #problem(int)}; {@code null} stands for text that was not a whole number.
         *
         * @throws IllegalArgumentException with the problem, if it does not pass
         */
        public int require(@CheckForNull Integer value) {
            Optional<String> problem =
                    value == null ? Optional.of(Messages.Settings_notANumber(what, min, max)) : problem(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            return value;
        }

        @CheckForNull
        public static Integer parse(@CheckForNull String text) {
            try {
                return text == null ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static Optional<String> problemOf(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (InvalidSettingException e) {
            return Optional.of(Wording.settingProblem(e));
        }
    }
}
