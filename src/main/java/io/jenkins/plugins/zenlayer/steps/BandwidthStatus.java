package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InternetStatus;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What one successful DescribeInstanceInternetStatus read showed, as the build record keeps it and the REST API
 * exports it. Holds no secret: the same values are in the build log.
 */
@ExportedBean(defaultVisibility = 3)
public final class BandwidthStatus {

    private final String requestId;
    private final String instanceName;
    private final Integer currentBandwidthMbps;
    private final Integer targetBandwidthMbps;
    private final String status;
    private final Boolean downgradePending;

    public BandwidthStatus(
            @CheckForNull String requestId,
            @CheckForNull String instanceName,
            @CheckForNull Integer currentBandwidthMbps,
            @CheckForNull Integer targetBandwidthMbps,
            @CheckForNull String status,
            @CheckForNull Boolean downgradePending) {
        this.requestId = requestId;
        this.instanceName = instanceName;
        this.currentBandwidthMbps = currentBandwidthMbps;
        this.targetBandwidthMbps = targetBandwidthMbps;
        this.status = status;
        this.downgradePending = downgradePending;
    }

    /** The status a successful read showed; {@code null} when the read failed or was of another action. */
    @CheckForNull
    public static BandwidthStatus of(CallOutcome read) {
        InternetStatus s = read.internetStatus();
        if (s == null) {
            return null;
        }
        Boolean pending =
                switch (s.downgrade()) {
                    case PENDING -> Boolean.TRUE;
                    case NONE -> Boolean.FALSE;
                    case UNKNOWN -> null;
                };
        return new BandwidthStatus(
                read.requestId(),
                s.instanceName(),
                s.currentBandwidthMbps(),
                s.targetBandwidthMbps(),
                s.status(),
                pending);
    }

    /** The request ID of the read. */
    @CheckForNull
    @Exported
    public String getRequestId() {
        return requestId;
    }

    @CheckForNull
    @Exported
    public String getInstanceName() {
        return instanceName;
    }

    /** {@code internetMaxBandwidthOut}: the bandwidth in effect. */
    @CheckForNull
    @Exported
    public Integer getCurrentBandwidthMbps() {
        return currentBandwidthMbps;
    }

    /** {@code modifiedInternetMaxBandwidthOut}: the bandwidth of the modification, if one was shown. */
    @CheckForNull
    @Exported
    public Integer getTargetBandwidthMbps() {
        return targetBandwidthMbps;
    }

    /** {@code modifiedBandwidthStatus}: {@code Processing}, {@code Enable} or {@code WaitToEnable}, as sent. */
    @CheckForNull
    @Exported
    public String getStatus() {
        return status;
    }

    /**
     * {@code true} for a downgrade waiting for the next billing cycle, {@code false} when there is none, {@code null}
     * when the answer does not tell (see {@link InternetStatus#downgrade()}).
     */
    @CheckForNull
    @Exported
    public Boolean getDowngradePending() {
        return downgradePending;
    }

    /** The same three-way answer as {@link #getDowngradePending()}. */
    public InternetStatus.Downgrade downgrade() {
        if (downgradePending == null) {
            return InternetStatus.Downgrade.UNKNOWN;
        }
        return downgradePending ? InternetStatus.Downgrade.PENDING : InternetStatus.Downgrade.NONE;
    }

    /**
     * Adds the fields a step returns: instance name, both bandwidths, status and whether a downgrade is pending; all
     * {@code null} when there was no successful read.
     */
    static void putInto(@CheckForNull BandwidthStatus read, Map<String, Object> map) {
        map.put("instanceName", read == null ? null : read.instanceName);
        map.put("currentBandwidthMbps", read == null ? null : read.currentBandwidthMbps);
        map.put("targetBandwidthMbps", read == null ? null : read.targetBandwidthMbps);
        map.put("status", read == null ? null : read.status);
        map.put("downgradePending", read == null ? null : read.downgradePending);
    }

    @Override
    public String toString() {
        return currentBandwidthMbps + " -> " + targetBandwidthMbps + " Mbps, " + status + ", pending="
                + downgradePending + " requestId=" + requestId;
    }
}
