package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.zenlayer.api.InternetStatus.Downgrade;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InternetStatusTest {

    private static final Redactor NONE = new Redactor(List.of());

    private static InternetStatus parse(String response) throws Exception {
        JsonNode node = Json.MAPPER.readTree(response);
        return InternetStatus.from(node, NONE);
    }

    @Test
    void readsTheDocumentedFields() throws Exception {
        InternetStatus status = parse("{\"requestId\":\"T1\",\"instanceId\":\"i-1\",\"instanceName\":\"web-1\","
                + "\"internetMaxBandwidthOut\":100,\"modifiedInternetMaxBandwidthOut\":50,"
                + "\"modifiedBandwidthStatus\":\"WaitToEnable\",\"trafficPackageSize\":0,"
                + "\"modifiedTrafficPackageStatus\":\"Enable\"}");

        assertThat(status, is(new InternetStatus("i-1", "web-1", 100, 50, "WaitToEnable")));
        assertThat(status.downgrade(), is(Downgrade.PENDING));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} Mbps: {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "WaitToEnable, 100, 50, PENDING",
                "waittoenable, 100, 50, PENDING",
                "WaitToEnable, 100, 200, NONE",
                "WaitToEnable, 100, 100, NONE",
                "Enable, 100, null, NONE",
                "Enable, 50, 50, NONE",
                "Processing, 100, 50, NONE",
                "WaitToEnable, 100, null, UNKNOWN",
                "WaitToEnable, null, 50, UNKNOWN",
                "null, 100, 50, UNKNOWN",
                "Failed, 100, 50, UNKNOWN",
            })
    void aPendingDowngradeIsWaitToEnableWithALowerTarget(
            String status, Integer current, Integer target, Downgrade expected) {
        assertThat(new InternetStatus("i-1", null, current, target, status).downgrade(), is(expected));
    }

    @Test
    void missingFieldsAreNull() throws Exception {
        InternetStatus status = parse("{\"requestId\":\"T1\"}");

        assertThat(status, is(new InternetStatus(null, null, null, null, null)));
        assertThat(status.downgrade(), is(Downgrade.UNKNOWN));
    }

    @Test
    void fieldsOfTheWrongShapeAreUnknown() throws Exception {
        InternetStatus status = parse("{\"instanceId\":{\"a\":1},\"instanceName\":null,"
                + "\"internetMaxBandwidthOut\":\"lots\",\"modifiedInternetMaxBandwidthOut\":50.5,"
                + "\"modifiedBandwidthStatus\":[\"WaitToEnable\"]}");

        assertThat(status, is(new InternetStatus(null, null, null, null, null)));
    }

    @Test
    void bandwidthsSentAsDigitsOrWholeDecimalsAreRead() throws Exception {
        InternetStatus status = parse("{\"internetMaxBandwidthOut\":\" 100 \",\"modifiedInternetMaxBandwidthOut\":50.0,"
                + "\"modifiedBandwidthStatus\":\"WaitToEnable\"}");

        assertThat(status.currentBandwidthMbps(), is(100));
        assertThat(status.targetBandwidthMbps(), is(50));
        assertThat(status.downgrade(), is(Downgrade.PENDING));
    }

    @Test
    void serverTextIsOneLineAndFreeOfSecrets() throws Exception {
        Redactor redactor = new Redactor(List.of("s3cret-pass"));
        InternetStatus status = InternetStatus.from(
                Json.MAPPER.readTree("{\"instanceName\":\"web\\nFinished: SUCCESS s3cret-pass\","
                        + "\"modifiedBandwidthStatus\":\"Enable\\r\\n\"}"),
                redactor);

        assertThat(status.instanceName(), not(containsString("\n")));
        assertThat(status.instanceName(), not(containsString("s3cret-pass")));
        assertThat(status.instanceName(), containsString(Redactor.MASK));
        assertThat(status.status(), is("Enable"));
        assertThat(status.instanceId(), nullValue());
    }
}
