package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration.WholeNumber;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the global settings, in the units users configure: each is the client's own, worded for users. */
class GlobalSettingsRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://console.zenlayer.com",
                "https://console.zenlayer.com/",
                "HTTPS://proxy.example.com:8443/zenlayer",
                "http://127.0.0.1:8080",
                "http://127.45.6.7",
                "http://localhost:9000",
                "http://LOCALHOST",
                "http://[::1]:8080",
                "http://[0:0:0:0:0:0:0:1]"
            })
    void httpsAndLoopbackHttpAreAccepted(String endpoint) {
        assertEquals(Optional.empty(), ZenlayerGlobalConfiguration.endpointProblem(endpoint));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com",
                "http://console.zenlayer.com",
                "http://10.0.0.1",
                "http://192.168.1.10:8080",
                "http://128.0.0.1",
                "http://localhost.example.com",
                "http://127.0.0.1.example.com",
                "http://[::2]",
                "ftp://console.zenlayer.com",
                "file:///etc/passwd",
                "console.zenlayer.com",
                "https://",
                "https://console.zenlayer.com/?a=b",
                "https://console.zenlayer.com/#x",
                "https://console.zenlayer.com/api/v2/bmc",
                "https://exa mple.com",
                "",
                "   "
            })
    void everythingElseIsRejected(String endpoint) {
        assertTrue(ZenlayerGlobalConfiguration.endpointProblem(endpoint).isPresent(), endpoint);
    }

    @Test
    void nullEndpointIsMissing() {
        assertThat(
                ZenlayerGlobalConfiguration.endpointProblem(null).orElseThrow(),
                containsString("https://console.zenlayer.com"));
    }

    @Test
    void userInfoIsRejectedWithoutRepeatingIt() {
        String problem = ZenlayerGlobalConfiguration.endpointProblem("https://user:hunter2@console.zenlayer.com")
                .orElseThrow();
        assertThat(problem, not(containsString("hunter2")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:hunt@r2@console.zenlayer.com",
                "https://user:hunt/r@2@console.zenlayer.com",
                "user:hunt@r2@console.zenlayer.com",
                "http://user:hunt@r2@127.0.0.1:8080"
            })
    void passwordsThatDefeatUrlParsingAreNotRepeatedEither(String endpoint) {
        String problem = ZenlayerGlobalConfiguration.endpointProblem(endpoint).orElseThrow();
        assertThat(problem, not(containsString("hunt")));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ZenlayerClientConfig.builder().endpoint(endpoint).build());
        assertThat(e.getMessage(), not(containsString("hunt")));
    }

    @Test
    void apiVersionMustBeADate() {
        assertEquals(Optional.empty(), ZenlayerGlobalConfiguration.apiVersionProblem("2026-02-01"));
        assertEquals(Optional.empty(), ZenlayerGlobalConfiguration.apiVersionProblem(" 2022-11-20 "));
        assertTrue(ZenlayerGlobalConfiguration.apiVersionProblem("2026-2-1").isPresent());
        assertTrue(ZenlayerGlobalConfiguration.apiVersionProblem("2026-13-01").isPresent());
        assertTrue(ZenlayerGlobalConfiguration.apiVersionProblem("v2").isPresent());
        assertTrue(ZenlayerGlobalConfiguration.apiVersionProblem(null).isPresent());
    }

    @Test
    void numbersMustBeInRange() {
        WholeNumber retries = WholeNumber.MAX_RETRIES;
        assertEquals(Optional.empty(), retries.problem("0"));
        assertEquals(Optional.empty(), retries.problem(" 9 "));
        assertThat(retries.problem("10").orElseThrow(), containsString("from 0 to 9; got 10"));
        assertTrue(retries.problem("-1").isPresent());
        assertThat(retries.problem("three").orElseThrow(), containsString("whole number from 0 to 9"));
        assertTrue(retries.problem((String) null).isPresent());
        assertEquals(Optional.empty(), WholeNumber.CONNECT_TIMEOUT_SECONDS.problem(300));
        assertThat(WholeNumber.CONNECT_TIMEOUT_SECONDS.problem(301).orElseThrow(), containsString("1 to 300"));
        assertTrue(WholeNumber.CALL_TIMEOUT_SECONDS.problem(0).isPresent());
        assertEquals(Optional.empty(), WholeNumber.CALL_TIMEOUT_SECONDS.problem(600));
    }

    @Test
    void aValueThatIsNotAWholeNumberIsRefusedNotReadAsZero() {
        // Stapler and Configuration as Code hand a setter taking Integer null for text such as "many".
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WholeNumber.MAX_RETRIES.require(null));
        assertThat(e.getMessage(), containsString("The number of retries must be a whole number"));
        assertEquals(3, WholeNumber.MAX_RETRIES.require(3));
        assertThrows(IllegalArgumentException.class, () -> WholeNumber.MAX_RETRIES.require(10));
    }

    @Test
    void defaultsAreValidAndMatchTheClientDefaults() {
        assertThat(
                ZenlayerGlobalConfiguration.settingsProblems(
                        ZenlayerClientConfig.DEFAULT_ENDPOINT,
                        ZenlayerClientConfig.DEFAULT_API_VERSION,
                        ZenlayerGlobalConfiguration.DEFAULT_CONNECT_TIMEOUT_SECONDS,
                        ZenlayerGlobalConfiguration.DEFAULT_CALL_TIMEOUT_SECONDS,
                        ZenlayerGlobalConfiguration.DEFAULT_MAX_RETRIES),
                empty());
        ZenlayerClientConfig config = ZenlayerGlobalConfiguration.clientConfig(
                ZenlayerClientConfig.DEFAULT_ENDPOINT,
                ZenlayerClientConfig.DEFAULT_API_VERSION,
                ZenlayerGlobalConfiguration.DEFAULT_CONNECT_TIMEOUT_SECONDS,
                ZenlayerGlobalConfiguration.DEFAULT_CALL_TIMEOUT_SECONDS,
                ZenlayerGlobalConfiguration.DEFAULT_MAX_RETRIES);
        assertEquals(ZenlayerClientConfig.defaults(), config);
        assertEquals("https://console.zenlayer.com", config.endpoint());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.callTimeout());
        assertEquals(4, config.maxAttempts());
    }

    @Test
    void attemptsAreRetriesPlusOne() {
        assertEquals(
                1,
                ZenlayerGlobalConfiguration.clientConfig("http://127.0.0.1:1", "2026-02-01", 1, 1, 0)
                        .maxAttempts());
        int most = ZenlayerClientConfig.MAX_ATTEMPTS_LIMIT - 1;
        assertThat(
                ZenlayerGlobalConfiguration.settingsProblems("https://console.zenlayer.com", "2026-02-01", 5, 5, most),
                empty());
        assertEquals(
                most + 1,
                ZenlayerGlobalConfiguration.clientConfig("https://console.zenlayer.com", "2026-02-01", 5, 5, most)
                        .maxAttempts());
    }

    @Test
    void everyProblemIsListed() {
        assertThat(
                ZenlayerGlobalConfiguration.settingsProblems("http://example.com", "latest", 0, 100000, 11),
                hasSize(5));
    }
}
