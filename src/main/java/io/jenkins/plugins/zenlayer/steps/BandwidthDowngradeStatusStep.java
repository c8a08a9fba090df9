package io.jenkins.plugins.zenlayer.steps;

import hudson.Extension;
import io.jenkins.plugins.zenlayer.Messages;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code zenlayerBandwidthDowngradeStatus(instanceId: 'i-...')}: reads the bandwidth status of a bare metal instance
 * (DescribeInstanceInternetStatus) and tells whether a downgrade is pending. Read-only, needs no node, and leaves the
 * build result alone on a normal answer; an error answer goes through the same result table as the cancel step.
 * Returns a map with {@code instanceId}, {@code instanceName}, {@code currentBandwidthMbps},
 * {@code targetBandwidthMbps}, {@code status}, {@code downgradePending}, {@code requestId}, {@code result},
 * {@code code} and {@code message} (see {@link ZenlayerCall#toStepResult()}).
 */
public class BandwidthDowngradeStatusStep extends ZenlayerInstanceStep {

    @DataBoundConstructor
    public BandwidthDowngradeStatusStep() {}

    @Override
    protected DowngradeProcedure procedure() {
        return DowngradeProcedure.status();
    }

    @Extension
    public static final class DescriptorImpl extends DescriptorBase {

        public DescriptorImpl() {
            super("zenlayerBandwidthDowngradeStatus", Messages::BandwidthDowngradeStatus_displayName);
        }
    }
}
