package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceFilterTest {

    @Test
    void filtersAreSentAsTheApiNamesThemAndDescribedInTheSameWords() {
        InstanceFilter filter = new InstanceFilter(
                " SEL-A ",
                "rg-1",
                "RUNNING",
                "ByBandwidth",
                "web-*",
                Map.of("release", "2026.12"),
                List.of("i-1", " "));

        assertThat(
                filter.toRequest(2, 1000).toString(),
                is("{\"zoneId\":\"SEL-A\",\"resourceGroupId\":\"rg-1\",\"instanceStatus\":\"RUNNING\","
                        + "\"internetChargeType\":\"ByBandwidth\",\"instanceName\":\"web-*\",\"instanceIds\":[\"i-1\"],"
                        + "\"tags\":[{\"key\":\"release\",\"value\":\"2026.12\"}],\"pageNum\":2,\"pageSize\":1000}"));
        assertThat(
                filter.describe(),
                is("zoneId=SEL-A, resourceGroupId=rg-1, instanceStatus=RUNNING, internetChargeType=ByBandwidth,"
                        + " instanceName=web-*, tags.release=2026.12, instanceIds=i-1"));
        assertThat(InstanceFilter.ALL.describe(), is(""));
    }
}
