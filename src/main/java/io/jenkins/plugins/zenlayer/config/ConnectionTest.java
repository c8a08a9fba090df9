package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.ZenlayerClients;
import io.jenkins.plugins.zenlayer.api.AttemptListener;
import io.jenkins.plugins.zenlayer.api.CallOutcome;
import io.jenkins.plugins.zenlayer.api.InstanceFilter;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.List;

/** "Test connection": a read-only DescribeInstances call with the chosen credential. */
public final class ConnectionTest {

    private ConnectionTest() {}

    /**
     * Runs the test. The caller must have checked the permission for {@code item} (or for Jenkins when {@code null})
     * before: this looks up a credential and contacts the endpoint.
     */
    public static FormValidation run(
            @CheckForNull Item item,
            @CheckForNull String credentialsId,
            @CheckForNull String endpoint,
            @CheckForNull String apiVersion,
            int connectTimeoutSeconds,
            int callTimeoutSeconds) {
        // One attempt: an interactive check should answer quickly.
        List<String> problems = ZenlayerGlobalConfiguration.settingsProblems(
                endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, 0);
        if (!problems.isEmpty()) {
            return FormValidation.error(String.join(" ", problems));
        }
        String id = ZenlayerCredentials.normalizeId(credentialsId);
        if (id == null) {
            return FormValidation.error(Messages.TestConnection_noCredentials());
        }
        ZenlayerCredentials.Resolution resolution = ZenlayerCredentials.forForm(item, id, endpoint);
        ZenlayerAuth auth = resolution.auth();
        if (auth == null) {
            return FormValidation.error(resolution.problem());
        }
        ZenlayerClientConfig config = ZenlayerGlobalConfiguration.clientConfig(
                endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, 0);
        CallOutcome outcome;
        try {
            outcome = ZenlayerClients.service(auth, config)
                    .describeInstances(InstanceFilter.ALL, 1, 1, AttemptListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.TestConnection_interrupted());
        }
        String text = describe(outcome, config.endpoint());
        return outcome.success() ? FormValidation.ok(text) : FormValidation.error(text);
    }

    /** The message shown for a test's outcome; it always carries the request ID. */
    public static String describe(CallOutcome outcome, String endpoint) {
        String requestId = outcome.requestId() == null ? Messages.CallLog_noRequestId() : outcome.requestId();
        if (outcome.success()) {
            Long count = outcome.totalCount();
            return Messages.TestConnection_success(endpoint, count == null ? "?" : count.toString(), requestId);
        }
        return Messages.TestConnection_failure(endpoint, outcome.code(), Wording.errorMessage(outcome), requestId);
    }
}
