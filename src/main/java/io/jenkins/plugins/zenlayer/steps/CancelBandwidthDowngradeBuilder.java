package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: cancels the pending bandwidth downgrade of a bare metal instance. Calls the API from the
 * controller; it uses no workspace, although a freestyle build always takes one. Build variables in the instance ID are expanded; the request ID is exported to later steps as
 * {@value ZenlayerCallsAction#REQUEST_ID_VARIABLE}. Offers the same dry run and verification as the Pipeline step.
 *
 * <p>Deliberately not a {@code SimpleBuildStep}: Pipeline has one entry point for this action,
 * {@code zenlayerCancelBandwidthDowngrade}, which returns the result map; a second one through {@code step(...)} would
 * return nothing.
 */
public class CancelBandwidthDowngradeBuilder extends Builder {

    private final String instanceId;
    private String credentialsId;
    private List<ResultOverride> resultOverrides = new ArrayList<>();
    private boolean dryRun;
    private boolean verify;
    private Integer concurrency;
    private InstanceSelection select;

    @DataBoundConstructor
    public CancelBandwidthDowngradeBuilder(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getInstanceId() {
        return instanceId;
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /** The credential to use; when blank, the global default. */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = ZenlayerCredentials.normalizeId(credentialsId);
    }

    public List<ResultOverride> getResultOverrides() {
        return resultOverrides == null ? List.of() : List.copyOf(resultOverrides);
    }

    @DataBoundSetter
    public void setResultOverrides(@CheckForNull List<ResultOverride> resultOverrides) {
        this.resultOverrides = ResultOverride.copyOf(resultOverrides);
    }

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

    /** Calls in flight at once when several instances are given; {@code null} for the default. */
    @CheckForNull
    public Integer getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(@CheckForNull Integer concurrency) {
        this.concurrency = concurrency;
    }

    /** The fleet named by a selection ("by selection" in the form), or {@code null} for instance IDs. */
    @CheckForNull
    public InstanceSelection getSelect() {
        return select;
    }

    @DataBoundSetter
    public void setSelect(@CheckForNull InstanceSelection select) {
        this.select = select;
    }

    /**
     * Expands the build's environment (parameters included) in the instance ID field, as freestyle steps do. One
     * instance ID per line: several lines make a batch.
     */
    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        DowngradeProcedure procedure = DowngradeProcedure.forCancelStep(dryRun, verify);
        // An abort interrupts this thread: the InterruptedException ends the build ABORTED.
        if (select != null) {
            StepRunner runner = new StepRunner(build, listener, true);
            runner.runSelection(procedure, select, concurrency, credentialsId, getResultOverrides());
            runner.applyResult();
            return true;
        }
        EnvVars env = build.getEnvironment(listener);
        List<String> lines = instanceIdLines(instanceId == null ? null : env.expand(instanceId));
        StepRunner runner = new StepRunner(build, listener, lines.size() > 1);
        runner.run(procedure, lines, concurrency, credentialsId, getResultOverrides());
        runner.applyResult();
        return true;
    }

    /** The non-blank lines of the instance ID field, stripped. */
    static List<String> instanceIdLines(@CheckForNull String field) {
        return field == null
                ? List.of()
                : field.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }

    /** Offered for every freestyle-like project type; Pipeline uses {@link CancelBandwidthDowngradeStep}. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> implements StepForms {

        @Override
        @SuppressWarnings("rawtypes") // the raw type is the overridden method's
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CancelBandwidthDowngrade_displayName();
        }

        /**
         * Keeps the fields of the chosen radio block only: "By instance IDs" ({@code target} {@code ids}) or "By
         * selection" ({@code selection}); the other block's fields may be submitted as well.
         */
        @Override
        public Builder newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            JSONObject form = JSONObject.fromObject(formData);
            Object target = form.opt("target");
            String chosen = target instanceof JSONObject block ? block.optString("value") : String.valueOf(target);
            if ("ids".equals(chosen)) {
                form.remove("select");
            } else if ("selection".equals(chosen)) {
                form.remove("instanceId");
            }
            return super.newInstance(req, form);
        }

        /** One instance ID per line: each line is checked, and the first problem names its line. */
        @POST
        @Override
        public FormValidation doCheckInstanceId(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            List<String> lines = instanceIdLines(value);
            return lines.size() <= 1
                    ? StepForms.super.doCheckInstanceId(item, lines.isEmpty() ? value : lines.get(0))
                    : StepForms.checkInstanceIdLines(item, lines);
        }
    }
}
