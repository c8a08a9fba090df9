package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ZenlayerClientConfigTest {

    @Test
    void defaults() {
        ZenlayerClientConfig c = ZenlayerClientConfig.defaults();

        assertThat(c.endpoint(), is("https://console.zenlayer.com"));
        assertThat(c.serviceUrl(), is("https://console.zenlayer.com/api/v2/bmc"));
        assertThat(c.apiVersion(), is("2026-02-01"));
        assertThat(c.connectTimeout(), is(Duration.ofSeconds(10)));
        assertThat(c.callTimeout(), is(Duration.ofSeconds(30)));
        assertThat(c.maxAttempts(), is(4));
        assertThat(c.initialBackoff(), is(Duration.ofSeconds(1)));
        assertThat(c.userAgent(), startsWith("zenlayer-cloud-jenkins-plugin/"));
    }

    @ParameterizedTest
    @CsvSource({
        "https://console.zenlayer.com/, https://console.zenlayer.com/api/v2/bmc",
        "' HTTPS://Console.Zenlayer.com ', https://console.zenlayer.com/api/v2/bmc",
        "http://127.0.0.1:8080, http://127.0.0.1:8080/api/v2/bmc",
        "https://proxy.example/zenlayer//, https://proxy.example/zenlayer/api/v2/bmc"
    })
    void endpointIsNormalised(String endpoint, String serviceUrl) {
        assertThat(ZenlayerClientConfig.builder().endpoint(endpoint).build().serviceUrl(), is(serviceUrl));
    }

    @Test
    void endpointFromUri() {
        assertThat(
                ZenlayerClientConfig.builder()
                        .endpoint(URI.create("https://example.com:8443"))
                        .build()
                        .endpoint(),
                is("https://example.com:8443"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint(" "), "endpoint is blank"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("ftp://example.com"),
                        "must start with https://"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("console.zenlayer.com"),
                        "must start with https://"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("https://user:pw@example.com"),
                        "must not contain a user name or password"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("https://example.com/?a=b"),
                        "query"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("https://example.com/api/v2/bmc"),
                        "must not include /api/v2/bmc"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("https://exa mple.com"),
                        "not a valid URL"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.endpoint("http://console.zenlayer.com"),
                        "plain HTTP"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.apiVersion("2026-2-1"), "YYYY-MM-DD"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.apiVersion(null), "YYYY-MM-DD"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.connectTimeout(Duration.ZERO),
                        "connect timeout must be positive"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.callTimeout(Duration.ofSeconds(-1)),
                        "call timeout must be positive"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.callTimeout(Duration.ofHours(1)),
                        "call timeout must be at most PT10M"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.callTimeout(null), "not set"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.maxAttempts(0), "between 1 and 10"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.maxAttempts(11), "between 1 and 10"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.initialBackoff(Duration.ofMillis(-1)),
                        "initial backoff must be zero or positive"),
                Arguments.of(
                        (UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.userAgent("a\nb"), "only printable ASCII"),
                Arguments.of((UnaryOperator<ZenlayerClientConfig.Builder>) b -> b.userAgent("  "), "blank"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidValuesAreRejectedWithAClearMessage(UnaryOperator<ZenlayerClientConfig.Builder> change, String part) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> change.apply(ZenlayerClientConfig.builder()).build());

        assertThat(e.getMessage(), containsString(part));
    }

    @Test
    void loopbackNeverResolvesNames() {
        assertThat(ZenlayerClientConfig.isLoopback("localhost"), is(true));
        assertThat(ZenlayerClientConfig.isLoopback("127.0.0.1"), is(true));
        assertThat(ZenlayerClientConfig.isLoopback("ip6-localhost"), is(false));
        assertThat(ZenlayerClientConfig.isLoopback("999.0.0.1"), is(false));
    }

    @Test
    void invalidSettingsSayWhichSettingAndWhy() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> ZenlayerClientConfig.builder()
                        .endpoint("http://example.com")
                        .build());
        assertThat(e.setting(), is(InvalidSettingException.Setting.ENDPOINT));
        assertThat(e.problem(), is(InvalidSettingException.Problem.PLAIN_HTTP));
        assertThat(e.value(), is("http://example.com"));

        InvalidSettingException userInfo = assertThrows(
                InvalidSettingException.class, () -> ZenlayerClientConfig.checkEndpoint("https://u:hunter2@x.example"));
        assertThat(userInfo.problem(), is(InvalidSettingException.Problem.USER_INFO));
        assertThat(userInfo.value(), is((String) null));

        InvalidSettingException attempts =
                assertThrows(InvalidSettingException.class, () -> ZenlayerClientConfig.checkMaxAttempts(0));
        assertThat(attempts.setting(), is(InvalidSettingException.Setting.MAX_ATTEMPTS));
        assertThat(attempts.problem(), is(InvalidSettingException.Problem.OUT_OF_RANGE));
    }

    @Test
    void userAgentNamesThePluginAndItsVersion() {
        assertThat(ZenlayerClientConfig.userAgentFor("123.vabc"), is("zenlayer-cloud-jenkins-plugin/123.vabc"));
        assertThat(ZenlayerClientConfig.userAgentFor(null), is("zenlayer-cloud-jenkins-plugin/dev"));
        assertThat(ZenlayerClientConfig.userAgentFor("  "), is("zenlayer-cloud-jenkins-plugin/dev"));
        // Reduced to characters that are safe in a header.
        assertThat(
                ZenlayerClientConfig.userAgentFor("1.0-SNAPSHOT (private)"),
                is("zenlayer-cloud-jenkins-plugin/1.0-SNAPSHOT--private-"));
    }

    @Test
    void equalSettingsMakeEqualConfigs() {
        ZenlayerClientConfig c = ZenlayerClientConfig.builder()
                .endpoint("http://127.0.0.1:1234")
                .apiVersion("2022-11-20")
                .connectTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(7))
                .maxAttempts(2)
                .initialBackoff(Duration.ZERO)
                .userAgent("x/1")
                .build();

        ZenlayerClientConfig same = ZenlayerClientConfig.builder()
                .endpoint("http://127.0.0.1:1234")
                .apiVersion(c.apiVersion())
                .connectTimeout(c.connectTimeout())
                .callTimeout(c.callTimeout())
                .maxAttempts(2)
                .initialBackoff(Duration.ZERO)
                .userAgent("x/1")
                .build();
        assertThat(same, is(c));
        assertThat(same.hashCode(), is(c.hashCode()));
        assertThat(c.toString(), containsString("endpoint=http://127.0.0.1:1234"));
    }
}
