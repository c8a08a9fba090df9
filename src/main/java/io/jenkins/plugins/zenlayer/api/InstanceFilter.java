package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which bare metal instances DescribeInstances lists: every given filter must match. Blank values are left out.
 *
 * @param zoneId the zone, for example {@code SEL-A}
 * @param resourceGroupId the resource group
 * @param instanceStatus for example {@code RUNNING}
 * @param internetChargeType for example {@code ByBandwidth}
 * @param instanceName the name; a trailing {@code *} matches every name that starts with what comes before it
 * @param tags tag keys and values, in order; an instance must carry all of them
 * @param instanceIds particular instances, at most {@link #MAX_INSTANCE_IDS}
 */
public record InstanceFilter(
        @CheckForNull String zoneId,
        @CheckForNull String resourceGroupId,
        @CheckForNull String instanceStatus,
        @CheckForNull String internetChargeType,
        @CheckForNull String instanceName,
        @NonNull Map<String, String> tags,
        @NonNull List<String> instanceIds) {

    /** Most instance IDs the API takes in one filter. */
    public static final int MAX_INSTANCE_IDS = 100;

    /** Every instance the credentials can see. */
    public static final InstanceFilter ALL = new InstanceFilter(null, null, null, null, null, Map.of(), List.of());

    public InstanceFilter {
        zoneId = blankToNull(zoneId);
        resourceGroupId = blankToNull(resourceGroupId);
        instanceStatus = blankToNull(instanceStatus);
        internetChargeType = blankToNull(internetChargeType);
        instanceName = blankToNull(instanceName);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        instanceIds = instanceIds == null
                ? List.of()
                : instanceIds.stream()
                        .map(InstanceFilter::blankToNull)
                        .filter(Objects::nonNull)
                        .toList();
    }

    /** The request body of one page: the filters, {@code pageNum} and {@code pageSize}. */
    ObjectNode toRequest(int pageNum, int pageSize) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        putIfSet(body, "zoneId", zoneId);
        putIfSet(body, "resourceGroupId", resourceGroupId);
        putIfSet(body, "instanceStatus", instanceStatus);
        putIfSet(body, "internetChargeType", internetChargeType);
        putIfSet(body, "instanceName", instanceName);
        if (!instanceIds.isEmpty()) {
            ArrayNode ids = body.putArray("instanceIds");
            instanceIds.forEach(ids::add);
        }
        if (!tags.isEmpty()) {
            ArrayNode list = body.putArray("tags");
            tags.forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        }
        return body.put("pageNum", pageNum).put("pageSize", pageSize);
    }

    /** The filters as the API names them, for messages: {@code zoneId=SEL-A, tags.release=2026.12}; empty for none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        addIfSet(parts, "zoneId", zoneId);
        addIfSet(parts, "resourceGroupId", resourceGroupId);
        addIfSet(parts, "instanceStatus", instanceStatus);
        addIfSet(parts, "internetChargeType", internetChargeType);
        addIfSet(parts, "instanceName", instanceName);
        tags.forEach((key, value) -> parts.add("tags." + key + "=" + value));
        if (!instanceIds.isEmpty()) {
            parts.add("instanceIds=" + String.join(" ", instanceIds));
        }
        return Text.singleLine(String.join(", ", parts), 500);
    }

    private static void putIfSet(ObjectNode body, String name, @CheckForNull String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static void addIfSet(List<String> parts, String name, @CheckForNull String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
