package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.zenlayer.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A tag an instance must carry to be selected: a key and its value, as in the Zenlayer console. */
public final class InstanceTag implements Describable<InstanceTag> {

    private final String key;
    private final String value;

    @DataBoundConstructor
    public InstanceTag(String key, String value) {
        this.key = key == null ? "" : key.strip();
        this.value = value == null ? "" : value.strip();
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Extension
    @Symbol("tag")
    public static final class DescriptorImpl extends Descriptor<InstanceTag> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.InstanceTag_displayName();
        }
    }
}
