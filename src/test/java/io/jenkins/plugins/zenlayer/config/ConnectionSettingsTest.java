package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionSettingsTest {

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
        assertEquals(Optional.empty(), ConnectionSettings.endpointProblem(endpoint));
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
        assertTrue(ConnectionSettings.endpointProblem(endpoint).isPresent(), endpoint);
    }

    @Test
    void nullEndpointIsMissing() {
        assertThat(
                ConnectionSettings.endpointProblem(null).orElseThrow(), containsString("https://console.zenlayer.com"));
    }

    @Test
    void userInfoIsRejectedWithoutRepeatingIt() {
        String problem = ConnectionSettings.endpointProblem("https://user:hunter2@console.zenlayer.com")
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
        String problem = ConnectionSettings.endpointProblem(endpoint).orElseThrow();
        assertThat(problem, not(containsString("hunt")));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ZenlayerClientConfig.builder().endpoint(endpoint).build());
        assertThat(e.getMessage(), not(containsString("hunt")));
    }

    @Test
    void loopbackNeverResolvesNames() {
        assertTrue(ConnectionSettings.isLoopback("localhost"));
        assertTrue(ConnectionSettings.isLoopback("127.0.0.1"));
        assertFalse(ConnectionSettings.isLoopback("ip6-localhost"));
        assertFalse(ConnectionSettings.isLoopback("999.0.0.1"));
    }

    @Test
    void apiVersionMustBeADate() {
        assertEquals(Optional.empty(), ConnectionSettings.apiVersionProblem("2026-02-01"));
        assertEquals(Optional.empty(), ConnectionSettings.apiVersionProblem(" 2022-11-20 "));
        assertTrue(ConnectionSettings.apiVersionProblem("2026-2-1").isPresent());
        assertTrue(ConnectionSettings.apiVersionProblem("2026-13-01").isPresent());
        assertTrue(ConnectionSettings.apiVersionProblem("v2").isPresent());
        assertTrue(ConnectionSettings.apiVersionProblem(null).isPresent());
    }

    @Test
    void numbersMustBeInRange() {
        assertEquals(Optional.empty(), ConnectionSettings.rangeProblem("0", 0, 9, null));
        assertEquals(Optional.empty(), ConnectionSettings.rangeProblem(" 9 ", 0, 9, null));
        assertTrue(ConnectionSettings.rangeProblem("10", 0, 9, null).isPresent());
        assertTrue(ConnectionSettings.rangeProblem("-1", 0, 9, null).isPresent());
        assertTrue(ConnectionSettings.rangeProblem("three", 0, 9, null).isPresent());
        assertTrue(ConnectionSettings.rangeProblem(null, 0, 9, null).isPresent());
    }

    @Test
    void defaultsAreValidAndMatchTheClientDefaults() {
        ConnectionSettings defaults = ConnectionSettings.defaults();
        assertThat(defaults.problems(), empty());
        ZenlayerClientConfig config = defaults.toClientConfig("zenlayer-cloud-jenkins-plugin/test");
        assertEquals("https://console.zenlayer.com", config.endpoint());
        assertEquals("2026-02-01", config.apiVersion());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.callTimeout());
        assertEquals(4, config.maxAttempts());
        assertEquals("zenlayer-cloud-jenkins-plugin/test", config.userAgent());
    }

    @Test
    void attemptsAreRetriesPlusOne() {
        ConnectionSettings settings = new ConnectionSettings("http://127.0.0.1:1", "2026-02-01", 1, 1, 0);
        assertEquals(1, settings.toClientConfig("ua/1").maxAttempts());
        ConnectionSettings most = new ConnectionSettings(
                "https://console.zenlayer.com", "2026-02-01", 5, 5, ConnectionSettings.MAX_RETRIES);
        assertThat(most.problems(), empty());
        assertEquals(
                ConnectionSettings.MAX_RETRIES + 1, most.toClientConfig("ua/1").maxAttempts());
        assertEquals(0, ConnectionSettings.defaults().withoutRetries().maxRetries());
    }

    @Test
    void everyProblemIsListed() {
        ConnectionSettings bad = new ConnectionSettings("http://example.com", "latest", 0, 100000, 11);
        assertThat(bad.problems(), hasSize(5));
    }
}
