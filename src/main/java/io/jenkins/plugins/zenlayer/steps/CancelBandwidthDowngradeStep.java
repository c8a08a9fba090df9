package io.jenkins.plugins.zenlayer.steps;

import hudson.Extension;
import io.jenkins.plugins.zenlayer.Messages;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code zenlayerCancelBandwidthDowngrade(instanceId: 'i-...')}: cancels the pending bandwidth downgrade of a bare
 * metal instance. Needs no node. Returns a map with {@code requestId}, {@code instanceId}, {@code result},
 * {@code code}, {@code message}, {@code dryRun} and {@code verified} (see {@link ZenlayerCall#toStepResult()}); marks
 * the build UNSTABLE or fails it as {@code ResultPolicy} decides.
 *
 * <p>{@code dryRun: true} reads the status instead and never sends the cancellation; {@code verify: true} reads the
 * status after an accepted cancellation and reports a downgrade still pending as {@code DOWNGRADE_STILL_PENDING}.
 */
public class CancelBandwidthDowngradeStep extends ZenlayerInstanceStep {

    private boolean dryRun;
    private boolean verify;

    @DataBoundConstructor
    public CancelBandwidthDowngradeStep() {}

    public boolean isDryRun() {
        return dryRun;
    }

    /** Read the status and report what would be cancelled, without cancelling anything. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isVerify() {
        return verify;
    }

    /** After an accepted cancellation, read the status and report a downgrade still pending. */
    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    @Override
    protected DowngradeProcedure procedure() {
        return DowngradeProcedure.forCancelStep(dryRun, verify);
    }

    @Extension
    public static final class DescriptorImpl extends DescriptorBase {

        public DescriptorImpl() {
            super("zenlayerCancelBandwidthDowngrade", Messages::CancelBandwidthDowngrade_displayName);
        }
    }
}
