package io.jenkins.plugins.zenlayer.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.BatchRunner;
import io.jenkins.plugins.zenlayer.api.InstanceIds;
import io.jenkins.plugins.zenlayer.config.ConnectionTest;
import io.jenkins.plugins.zenlayer.config.FormAccess;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.List;
import java.util.Optional;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form endpoints of every step that takes an instance ID and a credential, written once: the descriptors of the
 * Pipeline step and of the freestyle build step implement this interface, and Stapler finds its default methods as it
 * finds their own.
 */
public interface StepForms {

    @POST
    default ListBoxModel doFillCredentialsIdItems(
            @AncestorInPath @CheckForNull Item item, @QueryParameter String credentialsId) {
        return ZenlayerCredentials.fillCredentialsIdItems(
                item, credentialsId, ZenlayerGlobalConfiguration.get().getEndpoint());
    }

    @POST
    default FormValidation doCheckCredentialsId(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        return ZenlayerCredentials.checkCredentialsId(
                item, value, global.getEndpoint(), global.getCredentialsId(), false);
    }

    /** An ID with {@code ${...}} is expanded when the build runs, so it gets a warning, not an error. */
    @POST
    default FormValidation doCheckInstanceId(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        if (!FormAccess.canConfigure(item)) {
            return FormValidation.ok();
        }
        if (!InstanceIds.variableReferences(value).isEmpty()) {
            return FormValidation.warning(Messages.InstanceId_expandedAtRunTime());
        }
        return InstanceIds.check(value)
                .map(problem -> FormValidation.error(Wording.instanceIdProblem(problem, value)))
                .orElseGet(FormValidation::ok);
    }

    /** The number of instances worked on at once: empty for the default, else 1 to the maximum. */
    @POST
    default FormValidation doCheckConcurrency(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        if (!FormAccess.canConfigure(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        Integer number = ZenlayerGlobalConfiguration.WholeNumber.parse(value);
        return number != null && number >= 1 && number <= BatchRunner.MAX_CONCURRENCY
                ? FormValidation.ok()
                : FormValidation.error(Messages.Batch_concurrency(value.strip(), BatchRunner.MAX_CONCURRENCY));
    }

    /**
     * A copy of a submitted form whose text area {@code field} (one instance ID per line) is the list of its non-blank
     * lines, as the data-bound {@code List<String>} property takes it; without lines, the field is left out.
     */
    static JSONObject withLinesAsList(JSONObject formData, String field) {
        JSONObject form = JSONObject.fromObject(formData);
        if (form.opt(field) instanceof String text) {
            List<String> lines = CancelBandwidthDowngradeBuilder.instanceIdLines(text);
            if (lines.isEmpty()) {
                form.remove(field);
            } else {
                form.put(field, JSONArray.fromObject(lines));
            }
        }
        return form;
    }

    /**
     * Several instance IDs, one per line: each line is checked, and the first problem names its line; a line with
     * {@code ${...}} is expanded when the build runs.
     */
    static FormValidation checkInstanceIdLines(@CheckForNull Item item, List<String> lines) {
        if (!FormAccess.canConfigure(item)) {
            return FormValidation.ok();
        }
        long distinct = lines.stream().distinct().count();
        if (distinct > BatchRunner.MAX_INSTANCES) {
            return FormValidation.error(Messages.Batch_tooMany(distinct, BatchRunner.MAX_INSTANCES));
        }
        boolean variables = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!InstanceIds.variableReferences(line).isEmpty()) {
                variables = true;
                continue;
            }
            int position = i + 1;
            Optional<String> problem = InstanceIds.check(line)
                    .map(p -> Messages.Batch_problemAt(position, Wording.instanceIdProblem(p, line)));
            if (problem.isPresent()) {
                return FormValidation.error(problem.get());
            }
        }
        return variables
                ? FormValidation.warning(Messages.InstanceId_expandedAtRunTime())
                : FormValidation.ok(Messages.Batch_instances(lines.size()));
    }

    /**
     * Tests the chosen credential (or the global default) against the globally configured endpoint; an endpoint is
     * never taken from the request. Needs permission to configure the item, checked before anything else.
     */
    @POST
    default FormValidation doTestConnection(
            @AncestorInPath @CheckForNull Item item, @QueryParameter String credentialsId) {
        FormAccess.checkConfigure(item);
        ZenlayerGlobalConfiguration global = ZenlayerGlobalConfiguration.get();
        String id = StepRunner.effectiveCredentialsId(credentialsId, global.getCredentialsId())
                .orElse(null);
        return ConnectionTest.run(
                item,
                id,
                global.getEndpoint(),
                global.getApiVersion(),
                global.getConnectTimeoutSeconds(),
                global.getCallTimeoutSeconds());
    }
}
