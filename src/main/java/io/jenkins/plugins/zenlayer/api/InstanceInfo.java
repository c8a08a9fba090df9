package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bare metal instance as DescribeInstances lists it: what a release pipeline selects a fleet by. Every value is
 * {@code null} when the answer did not carry it, reduced to one line and without the caller's secrets.
 *
 * @param instanceId {@code instanceId}
 * @param instanceName {@code instanceName}
 * @param zoneId {@code zoneId}
 * @param instanceStatus {@code instanceStatus}, for example {@code RUNNING}
 * @param instanceChargeType {@code instanceChargeType}: {@value #PREPAID} or {@code POSTPAID}
 * @param internetChargeType {@code internetChargeType}, for example {@value #BY_BANDWIDTH}
 * @param bandwidthOutMbps {@code bandwidthOutMbps}: the bandwidth in effect
 * @param resourceGroupId {@code resourceGroupId}
 * @param tags {@code tags}, key to value, in the answer's order
 */
public record InstanceInfo(
        @CheckForNull String instanceId,
        @CheckForNull String instanceName,
        @CheckForNull String zoneId,
        @CheckForNull String instanceStatus,
        @CheckForNull String instanceChargeType,
        @CheckForNull String internetChargeType,
        @CheckForNull Integer bandwidthOutMbps,
        @CheckForNull String resourceGroupId,
        @NonNull Map<String, String> tags) {

    /** Billed in advance: the only instances with bandwidth orders that take effect in the next billing cycle. */
    public static final String PREPAID = "PREPAID";

    /** Flat-rate bandwidth: the only internet charge type that has bandwidth downgrade orders. */
    public static final String BY_BANDWIDTH = "ByBandwidth";

    private static final int MAX_WORD = 200;

    public InstanceInfo {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Whether the instance can have a bandwidth downgrade order: prepaid and billed by bandwidth. */
    public boolean mayHaveDowngradeOrder() {
        return PREPAID.equalsIgnoreCase(instanceChargeType) && BY_BANDWIDTH.equalsIgnoreCase(internetChargeType);
    }

    /** Reads one entry of a DescribeInstances {@code dataSet}. */
    static InstanceInfo from(JsonNode entry, Redactor redactor) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode list = entry.get("tags");
        if (list != null && list.isArray()) {
            for (JsonNode tag : list) {
                String key = word(tag.get("key"), redactor);
                if (key != null) {
                    String value = word(tag.get("value"), redactor);
                    tags.put(key, value == null ? "" : value);
                }
            }
        }
        JsonNode bandwidth = entry.get("bandwidthOutMbps");
        return new InstanceInfo(
                word(entry.get("instanceId"), redactor),
                word(entry.get("instanceName"), redactor),
                word(entry.get("zoneId"), redactor),
                word(entry.get("instanceStatus"), redactor),
                word(entry.get("instanceChargeType"), redactor),
                word(entry.get("internetChargeType"), redactor),
                bandwidth != null && bandwidth.canConvertToInt() ? bandwidth.asInt() : null,
                word(entry.get("resourceGroupId"), redactor),
                tags);
    }

    @CheckForNull
    private static String word(@CheckForNull JsonNode node, Redactor redactor) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        // Redact before cutting, so that no prefix of a secret survives at the cut.
        String text = Text.singleLine(redactor.redact(node.asText()), MAX_WORD);
        return text.isEmpty() ? null : text;
    }
}
