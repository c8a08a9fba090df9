package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.zenlayer.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Maps one Zenlayer error code to the build result it should lead to, replacing the default of {@link ResultPolicy}.
 * Values are kept as entered; {@link ResultPolicy#problems} reports invalid ones.
 */
public final class ResultOverride implements Describable<ResultOverride> {

    private final String code;
    private final String result;

    @DataBoundConstructor
    public ResultOverride(String code, String result) {
        this.code = code == null ? "" : code.strip();
        this.result = result == null ? "" : result.strip();
    }

    /** The Zenlayer error code, for example {@code OPERATION_DENIED_DOWNGRADE_NOT_EXIST}. */
    public String getCode() {
        return code;
    }

    /** {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}. */
    public String getResult() {
        return result;
    }

    /** A modifiable copy of a configured list, without {@code null} entries; empty for {@code null}. */
    public static List<ResultOverride> copyOf(@CheckForNull List<ResultOverride> overrides) {
        List<ResultOverride> copy = new ArrayList<>();
        if (overrides != null) {
            overrides.stream().filter(Objects::nonNull).forEach(copy::add);
        }
        return copy;
    }

    /**
     * The overrides of a submitted form's {@code resultOverrides} value: one object or an array of objects with
     * {@code code} and {@code result}; empty when the form has none.
     */
    static List<ResultOverride> fromJson(@CheckForNull Object submitted) {
        List<ResultOverride> list = new ArrayList<>();
        if (submitted instanceof JSONObject one) {
            list.add(new ResultOverride(one.optString("code"), one.optString("result")));
        } else if (submitted instanceof JSONArray many) {
            for (Object item : many) {
                list.addAll(fromJson(item));
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultOverride other && code.equals(other.code) && result.equals(other.result);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, result);
    }

    @Override
    public String toString() {
        return code + " -> " + result;
    }

    @Extension
    @Symbol("resultOverride")
    public static final class DescriptorImpl extends Descriptor<ResultOverride> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ResultOverride_displayName();
        }

        @POST
        public ListBoxModel doFillResultItems(@AncestorInPath @CheckForNull Item item, @QueryParameter String result) {
            ListBoxModel model = new ListBoxModel();
            if (!FormAccess.canConfigure(item)) {
                if (result != null && !result.isBlank()) {
                    model.add(result, result);
                }
                return model;
            }
            for (BuildOutcome outcome : BuildOutcome.values()) {
                model.add(outcome.name(), outcome.name());
            }
            return model;
        }

        @POST
        public FormValidation doCheckCode(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            if (!FormAccess.canConfigure(item)) {
                return FormValidation.ok();
            }
            return ResultPolicy.codeProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
        }

        // No check of the result: the list offers only the three allowed names, and a check would run on the empty
        // value before the list is filled, showing an error under a valid choice. A posted value is checked on save.
    }
}
