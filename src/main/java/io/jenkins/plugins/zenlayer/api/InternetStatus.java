package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * The bandwidth part of a DescribeInstanceInternetStatus answer. Every field is {@code null} when the answer did not
 * carry it (or carried something of the wrong type).
 *
 * <p>The API documents {@code modifiedBandwidthStatus} as {@value #PROCESSING} (being modified),
 * {@value #ENABLE} (in effect now) or {@value #WAIT_TO_ENABLE} (takes effect in the next billing cycle). It does not
 * say in so many words what a pending downgrade looks like; {@link #downgrade()} infers it from the field
 * descriptions: {@value #WAIT_TO_ENABLE} with a target below the current bandwidth.
 *
 * @param instanceId {@code instanceId} of the answer
 * @param instanceName {@code instanceName}, reduced to one line, without the caller's secrets
 * @param currentBandwidthMbps {@code internetMaxBandwidthOut}: the bandwidth in effect, in Mbps
 * @param targetBandwidthMbps {@code modifiedInternetMaxBandwidthOut}: the bandwidth of the modification, in Mbps
 * @param status {@code modifiedBandwidthStatus}, verbatim
 */
public record InternetStatus(
        @CheckForNull String instanceId,
        @CheckForNull String instanceName,
        @CheckForNull Integer currentBandwidthMbps,
        @CheckForNull Integer targetBandwidthMbps,
        @CheckForNull String status) {

    /** The modification is being applied. */
    public static final String PROCESSING = "Processing";
    /** The bandwidth shown is in effect. */
    public static final String ENABLE = "Enable";
    /** The modification takes effect in the next billing cycle. */
    public static final String WAIT_TO_ENABLE = "WaitToEnable";

    private static final int MAX_NAME = 200;

    /** Whether the instance has a bandwidth downgrade waiting to take effect. */
    public enum Downgrade {
        /** {@value #WAIT_TO_ENABLE} with a target below the current bandwidth: there is an order to cancel. */
        PENDING,
        /**
         * A known status without such an order: {@value #ENABLE}, {@value #PROCESSING}, or {@value #WAIT_TO_ENABLE}
         * with a target at or above the current bandwidth (an upgrade).
         */
        NONE,
        /** The answer does not tell: no or an unknown status, or {@value #WAIT_TO_ENABLE} without both bandwidths. */
        UNKNOWN
    }

    /** What this answer says about a pending downgrade; see the class comment for the rule. */
    @NonNull
    public Downgrade downgrade() {
        if (status == null) {
            return Downgrade.UNKNOWN;
        }
        if (status.equalsIgnoreCase(ENABLE) || status.equalsIgnoreCase(PROCESSING)) {
            return Downgrade.NONE;
        }
        if (!status.equalsIgnoreCase(WAIT_TO_ENABLE) || currentBandwidthMbps == null || targetBandwidthMbps == null) {
            return Downgrade.UNKNOWN;
        }
        return targetBandwidthMbps < currentBandwidthMbps ? Downgrade.PENDING : Downgrade.NONE;
    }

    /** Reads the {@code response} object of a successful answer. */
    static InternetStatus from(JsonNode response, Redactor redactor) {
        return new InternetStatus(
                word(response.get("instanceId"), redactor, 100),
                word(response.get("instanceName"), redactor, MAX_NAME),
                mbps(response.get("internetMaxBandwidthOut")),
                mbps(response.get("modifiedInternetMaxBandwidthOut")),
                word(response.get("modifiedBandwidthStatus"), redactor, 100));
    }

    @CheckForNull
    private static String word(@CheckForNull JsonNode node, Redactor redactor, int max) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        // Redact before cutting, so that no prefix of a secret survives at the cut.
        String text = Text.singleLine(redactor.redact(node.asText()), max);
        return text.isEmpty() ? null : text;
    }

    /** A whole number of Mbps, sent as a JSON number or a string of digits; anything else is unknown. */
    @CheckForNull
    private static Integer mbps(@CheckForNull JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()) && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.matches("\\d{1,9}")) {
                return Integer.valueOf(text);
            }
        }
        return null;
    }
}
