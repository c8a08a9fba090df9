package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.InstanceInfo;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code zenlayerInstances(zoneId: 'SEL-A', tags: [tag(key: 'release', value: '2026.12')])}: lists the bare metal
 * instances that match every filter given, with DescribeInstances, every page. Read-only, needs no node. Returns a list
 * of maps with {@code instanceId}, {@code instanceName}, {@code zoneId}, {@code instanceStatus},
 * {@code instanceChargeType}, {@code internetChargeType}, {@code bandwidthOutMbps}, {@code resourceGroupId} and
 * {@code tags}. An error answer goes through the same result table as the other steps.
 */
public class ZenlayerInstancesStep extends Step {

    /** The filters, kept as the selection of the other steps keeps them. */
    private final InstanceSelection filters = new InstanceSelection();

    private String credentialsId;
    private List<ResultOverride> resultOverrides = new ArrayList<>();

    @DataBoundConstructor
    public ZenlayerInstancesStep() {}

    @CheckForNull
    public String getZoneId() {
        return filters.getZoneId();
    }

    @DataBoundSetter
    public void setZoneId(@CheckForNull String zoneId) {
        filters.setZoneId(zoneId);
    }

    @CheckForNull
    public String getResourceGroupId() {
        return filters.getResourceGroupId();
    }

    @DataBoundSetter
    public void setResourceGroupId(@CheckForNull String resourceGroupId) {
        filters.setResourceGroupId(resourceGroupId);
    }

    @CheckForNull
    public String getInstanceStatus() {
        return filters.getInstanceStatus();
    }

    @DataBoundSetter
    public void setInstanceStatus(@CheckForNull String instanceStatus) {
        filters.setInstanceStatus(instanceStatus);
    }

    @CheckForNull
    public String getInternetChargeType() {
        return filters.getInternetChargeType();
    }

    @DataBoundSetter
    public void setInternetChargeType(@CheckForNull String internetChargeType) {
        filters.setInternetChargeType(internetChargeType);
    }

    @CheckForNull
    public String getInstanceName() {
        return filters.getInstanceName();
    }

    @DataBoundSetter
    public void setInstanceName(@CheckForNull String instanceName) {
        filters.setInstanceName(instanceName);
    }

    public List<InstanceTag> getTags() {
        return filters.getTags();
    }

    @DataBoundSetter
    public void setTags(@CheckForNull List<InstanceTag> tags) {
        filters.setTags(tags);
    }

    public List<String> getInstanceIds() {
        return filters.getInstanceIds();
    }

    @DataBoundSetter
    public void setInstanceIds(@CheckForNull List<String> instanceIds) {
        filters.setInstanceIds(instanceIds);
    }

    /** The instance IDs one per line, for the form's text area. */
    public String getInstanceIdLines() {
        return filters.getInstanceIdLines();
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
        return List.copyOf(resultOverrides);
    }

    @DataBoundSetter
    public void setResultOverrides(@CheckForNull List<ResultOverride> resultOverrides) {
        this.resultOverrides = ResultOverride.copyOf(resultOverrides);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    /** Lists on a background thread; stopping the step interrupts it, which aborts the call in flight. */
    static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

        private static final long serialVersionUID = 1L;

        private final transient ZenlayerInstancesStep step;

        Execution(ZenlayerInstancesStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = Objects.requireNonNull(context.get(Run.class), "Run");
            TaskListener listener = Objects.requireNonNull(context.get(TaskListener.class), "TaskListener");
            StepRunner runner = new StepRunner(run, listener, true);
            List<InstanceInfo> instances;
            try {
                instances = runner.list(step.filters.toFilter(), step.getCredentialsId(), step.getResultOverrides());
            } catch (InterruptedException e) {
                throw new AbortException(Messages.Step_aborted());
            }
            runner.applyResult();
            List<Map<String, Object>> list = new ArrayList<>();
            for (InstanceInfo instance : instances) {
                list.add(toMap(instance));
            }
            return list;
        }
    }

    /** One instance as the step returns it: plain, serializable maps for sandboxed scripts. */
    static Map<String, Object> toMap(InstanceInfo instance) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("instanceId", instance.instanceId());
        map.put("instanceName", instance.instanceName());
        map.put("zoneId", instance.zoneId());
        map.put("instanceStatus", instance.instanceStatus());
        map.put("instanceChargeType", instance.instanceChargeType());
        map.put("internetChargeType", instance.internetChargeType());
        map.put("bandwidthOutMbps", instance.bandwidthOutMbps());
        map.put("resourceGroupId", instance.resourceGroupId());
        map.put("tags", new LinkedHashMap<>(instance.tags()));
        return map;
    }

    /** Needs a build and its log only, so the step runs outside {@code node}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "zenlayerInstances";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ZenlayerInstances_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String credentialsId) {
            return ZenlayerCredentials.fillCredentialsIdItems(
                    item, credentialsId, ZenlayerGlobalConfiguration.get().getEndpoint());
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
            return ZenlayerCredentials.checkCredentialsId(
                    item, value, global.getEndpoint(), global.getCredentialsId(), false);
        }

        /** The Snippet Generator's text area of instance IDs becomes the list {@code instanceIds}. */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, StepForms.withLinesAsList(formData, "instanceIds"));
        }
    }
}
