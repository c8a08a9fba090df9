package io.jenkins.plugins.zenlayer.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.zenlayer.Messages;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Jenkins-wide settings of the plugin: the default credential, how to reach the API, and result overrides that apply
 * to every job. Only administrators can change them. Configuration as Code: {@code unclassified: zenlayer: ...}.
 */
@Extension
@Symbol("zenlayer")
public final class ZenlayerGlobalConfiguration extends GlobalConfiguration {

    private String credentialsId;
    private String endpoint = ConnectionSettings.DEFAULT_ENDPOINT;
    private String apiVersion = ConnectionSettings.DEFAULT_API_VERSION;
    private int connectTimeoutSeconds = ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int callTimeoutSeconds = ConnectionSettings.DEFAULT_CALL_TIMEOUT_SECONDS;
    private int maxRetries = ConnectionSettings.DEFAULT_MAX_RETRIES;
    private List<ResultOverride> resultOverrides = new ArrayList<>();

    public ZenlayerGlobalConfiguration() {
        load();
    }

    /** The singleton instance. */
    public static ZenlayerGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(ZenlayerGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.GlobalConfiguration_displayName();
    }

    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }

    /** The credential used when a step or build step names none; {@code null} when not set. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
        save();
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(@CheckForNull String endpoint) {
        String value = blankToNull(endpoint);
        this.endpoint = value == null ? ConnectionSettings.DEFAULT_ENDPOINT : value;
        save();
    }

    public String getApiVersion() {
        return apiVersion;
    }

    @DataBoundSetter
    public void setApiVersion(@CheckForNull String apiVersion) {
        String value = blankToNull(apiVersion);
        this.apiVersion = value == null ? ConnectionSettings.DEFAULT_API_VERSION : value;
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        save();
    }

    public int getCallTimeoutSeconds() {
        return callTimeoutSeconds;
    }

    @DataBoundSetter
    public void setCallTimeoutSeconds(int callTimeoutSeconds) {
        this.callTimeoutSeconds = callTimeoutSeconds;
        save();
    }

    /** Attempts after the first one for answers that mean "try again later"; attempts = retries + 1. */
    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        save();
    }

    public List<ResultOverride> getResultOverrides() {
        return resultOverrides == null ? List.of() : List.copyOf(resultOverrides);
    }

    @DataBoundSetter
    public void setResultOverrides(@CheckForNull List<ResultOverride> resultOverrides) {
        this.resultOverrides = copyOf(resultOverrides);
        save();
    }

    /**
     * Binds the submitted form. A form whose override list was emptied submits no list at all, so the list is reset
     * before binding, as the Configuration as Code developer guide recommends.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        this.resultOverrides = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The connection settings as configured, without validation. */
    public ConnectionSettings getConnectionSettings() {
        return new ConnectionSettings(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, maxRetries);
    }

    private static List<ResultOverride> copyOf(@CheckForNull List<ResultOverride> overrides) {
        List<ResultOverride> copy = new ArrayList<>();
        if (overrides != null) {
            overrides.stream().filter(Objects::nonNull).forEach(copy::add);
        }
        return copy;
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(
            @AncestorInPath @CheckForNull Item item, @QueryParameter String credentialsId) {
        return ZenlayerCredentials.fillCredentialsIdItems(item, credentialsId, endpoint);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        return ZenlayerCredentials.checkCredentialsId(item, value, endpoint, null, true);
    }

    @POST
    public FormValidation doCheckEndpoint(@QueryParameter String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return toValidation(ConnectionSettings.endpointProblem(value));
    }

    @POST
    public FormValidation doCheckApiVersion(@QueryParameter String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return toValidation(ConnectionSettings.apiVersionProblem(value));
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return toValidation(ConnectionSettings.rangeProblem(
                value, 1, ConnectionSettings.MAX_CONNECT_TIMEOUT_SECONDS, Messages._Settings_connectTimeout()));
    }

    @POST
    public FormValidation doCheckCallTimeoutSeconds(@QueryParameter String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return toValidation(ConnectionSettings.rangeProblem(
                value, 1, ConnectionSettings.MAX_CALL_TIMEOUT_SECONDS, Messages._Settings_callTimeout()));
    }

    @POST
    public FormValidation doCheckMaxRetries(@QueryParameter String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return toValidation(ConnectionSettings.rangeProblem(
                value, 0, ConnectionSettings.MAX_RETRIES, Messages._Settings_maxRetries()));
    }

    /**
     * "Test connection" with the values currently in the form. Administrators only; the permission is checked before
     * any credential is looked up or any URL contacted.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String credentialsId,
            @QueryParameter String endpoint,
            @QueryParameter String apiVersion,
            @QueryParameter String connectTimeoutSeconds,
            @QueryParameter String callTimeoutSeconds) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Integer connect = parseOrNull(connectTimeoutSeconds);
        Integer call = parseOrNull(callTimeoutSeconds);
        if (connect == null || call == null) {
            return FormValidation.error(Messages.TestConnection_badNumbers());
        }
        ConnectionSettings settings = new ConnectionSettings(endpoint, apiVersion, connect, call, 0);
        return ConnectionTest.run(null, credentialsId, settings);
    }

    @CheckForNull
    private static Integer parseOrNull(@CheckForNull String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
