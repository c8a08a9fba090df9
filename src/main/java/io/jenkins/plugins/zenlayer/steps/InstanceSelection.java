package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A fleet named by what it is rather than by a list of IDs: the bare metal instances that DescribeInstances lists for
 * these filters (zone, resource group, status, internet charge type, name, tags, IDs). Every filter given must match;
 * none given selects every instance the credentials can see. The {@code select:} argument of the steps, and the
 * "by selection" choice of the freestyle build step.
 */
public final class InstanceSelection implements Describable<InstanceSelection> {

    private String zoneId;
    private String resourceGroupId;
    private String instanceStatus;
    private String internetChargeType;
    private String instanceName;
    private List<InstanceTag> tags = new ArrayList<>();
    private List<String> instanceIds = new ArrayList<>();

    @DataBoundConstructor
    public InstanceSelection() {}

    @CheckForNull
    public String getZoneId() {
        return zoneId;
    }

    @DataBoundSetter
    public void setZoneId(@CheckForNull String zoneId) {
        this.zoneId = blankToNull(zoneId);
    }

    @CheckForNull
    public String getResourceGroupId() {
        return resourceGroupId;
    }

    @DataBoundSetter
    public void setResourceGroupId(@CheckForNull String resourceGroupId) {
        this.resourceGroupId = blankToNull(resourceGroupId);
    }

    @CheckForNull
    public String getInstanceStatus() {
        return instanceStatus;
    }

    @DataBoundSetter
    public void setInstanceStatus(@CheckForNull String instanceStatus) {
        this.instanceStatus = blankToNull(instanceStatus);
    }

    @CheckForNull
    public String getInternetChargeType() {
        return internetChargeType;
    }

    @DataBoundSetter
    public void setInternetChargeType(@CheckForNull String internetChargeType) {
        this.internetChargeType = blankToNull(internetChargeType);
    }

    @CheckForNull
    public String getInstanceName() {
        return instanceName;
    }

    /** The name; a trailing {@code *} selects every name that starts with what comes before it. */
    @DataBoundSetter
    public void setInstanceName(@CheckForNull String instanceName) {
        this.instanceName = blankToNull(instanceName);
    }

    public List<InstanceTag> getTags() {
        return Collections.unmodifiableList(tags);
    }

    /** Tags the instances must all carry. */
    @DataBoundSetter
    public void setTags(@CheckForNull List<InstanceTag> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public List<String> getInstanceIds() {
        return Collections.unmodifiableList(instanceIds);
    }

    /** Particular instances, further narrowed by the other filters. */
    @DataBoundSetter
    public void setInstanceIds(@CheckForNull List<String> instanceIds) {
        this.instanceIds = instanceIds == null ? new ArrayList<>() : new ArrayList<>(instanceIds);
    }

    /** The instance IDs one per line, for the form's text area. */
    public String getInstanceIdLines() {
        return String.join("\n", instanceIds);
    }

    /** The filter of DescribeInstances; blank values and tags without a key are left out. */
    public InstanceFilter toFilter() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (InstanceTag tag : tags) {
            if (tag != null && !tag.getKey().isEmpty()) {
                byKey.put(tag.getKey(), tag.getValue());
            }
        }
        return new InstanceFilter(
                zoneId, resourceGroupId, instanceStatus, internetChargeType, instanceName, byKey, instanceIds);
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Extension
    @Symbol("instanceSelection")
    public static final class DescriptorImpl extends Descriptor<InstanceSelection> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.InstanceSelection_displayName();
        }

        /** The form's text area of instance IDs, one per line, becomes the list {@code instanceIds}. */
        @Override
        public InstanceSelection newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws FormException {
            return super.newInstance(req, StepForms.withLinesAsList(formData, "instanceIds"));
        }
    }
}
