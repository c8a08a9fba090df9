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
import io.jenkins.plugins.zenlayer.config.ConnectionSettings.WholeNumber;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /** @throws IllegalArgumentException if the credential has System scope, which builds cannot use */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = require(ZenlayerCredentials.normalizeId(credentialsId), this::credentialsProblem);
        save();
    }

    private Optional<String> credentialsProblem(@CheckForNull String id) {
        return ZenlayerCredentials.refusedAsDefault(id, endpoint);
    }

    public String getEndpoint() {
        return endpoint;
    }

    /** Blank restores the default. @throws IllegalArgumentException naming the problem */
    @DataBoundSetter
    public void setEndpoint(@CheckForNull String endpoint) {
        this.endpoint =
                require(orDefault(endpoint, ConnectionSettings.DEFAULT_ENDPOINT), ConnectionSettings::endpointProblem);
        save();
    }

    public String getApiVersion() {
        return apiVersion;
    }

    /** Blank restores the default. @throws IllegalArgumentException naming the problem */
    @DataBoundSetter
    public void setApiVersion(@CheckForNull String apiVersion) {
        this.apiVersion = require(
                orDefault(apiVersion, ConnectionSettings.DEFAULT_API_VERSION), ConnectionSettings::apiVersionProblem);
        save();
    }

    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /**
     * Takes an {@code Integer}: Stapler and Configuration as Code turn text that is not a whole number (say
     * {@code "many"} in a YAML file) into {@code null} for it, which is refused, where an {@code int} would silently
     * become 0.
     *
     * @throws IllegalArgumentException naming the problem
     */
    @DataBoundSetter
    public void setConnectTimeoutSeconds(@CheckForNull Integer connectTimeoutSeconds) {
        this.connectTimeoutSeconds = WholeNumber.CONNECT_TIMEOUT_SECONDS.require(connectTimeoutSeconds);
        save();
    }

    public Integer getCallTimeoutSeconds() {
        return callTimeoutSeconds;
    }

    /** Like {@link #setConnectTimeoutSeconds}. @throws IllegalArgumentException naming the problem */
    @DataBoundSetter
    public void setCallTimeoutSeconds(@CheckForNull Integer callTimeoutSeconds) {
        this.callTimeoutSeconds = WholeNumber.CALL_TIMEOUT_SECONDS.require(callTimeoutSeconds);
        save();
    }

    /** Attempts after the first one for answers that mean "try again later"; attempts = retries + 1. */
    public Integer getMaxRetries() {
        return maxRetries;
    }

    /** Like {@link #setConnectTimeoutSeconds}. @throws IllegalArgumentException naming the problem */
    @DataBoundSetter
    public void setMaxRetries(@CheckForNull Integer maxRetries) {
        this.maxRetries = WholeNumber.MAX_RETRIES.require(maxRetries);
        save();
    }

    public List<ResultOverride> getResultOverrides() {
        return resultOverrides == null ? List.of() : List.copyOf(resultOverrides);
    }

    /** @throws IllegalArgumentException listing every problem of the list */
    @DataBoundSetter
    public void setResultOverrides(@CheckForNull List<ResultOverride> resultOverrides) {
        List<ResultOverride> list = ResultOverride.copyOf(resultOverrides);
        List<String> problems = ResultPolicy.problems(list, Messages.Where_global());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        this.resultOverrides = list;
        save();
    }

    /**
     * Checks the submitted form with the same rules as the setters, naming the first invalid field, then binds it. A
     * form whose override list was emptied submits no list at all, so the list is reset before binding, as the
     * Configuration as Code developer guide recommends.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        for (Map.Entry<String, Function<String, Optional<String>>> rule : FIELD_RULES.entrySet()) {
            String field = rule.getKey();
            if (json.has(field)) {
                Optional<String> problem = rule.getValue().apply(json.getString(field));
                if (problem.isPresent()) {
                    throw new FormException(problem.get(), field);
                }
            }
        }
        Optional<String> credentialsProblem = ZenlayerCredentials.refusedAsDefault(
                json.optString("credentialsId", null), orDefault(json.optString("endpoint", null), endpoint));
        if (credentialsProblem.isPresent()) {
            throw new FormException(credentialsProblem.get(), "credentialsId");
        }
        List<String> overrideProblems =
                ResultPolicy.problems(ResultOverride.fromJson(json.opt("resultOverrides")), Messages.Where_global());
        if (!overrideProblems.isEmpty()) {
            throw new FormException(String.join(" ", overrideProblems), "resultOverrides");
        }
        this.resultOverrides = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The rule of each text field of the form; a blank endpoint or API version means the default. */
    private static final Map<String, Function<String, Optional<String>>> FIELD_RULES = Map.of(
            "endpoint", v -> ConnectionSettings.endpointProblem(orDefault(v, ConnectionSettings.DEFAULT_ENDPOINT)),
            "apiVersion",
                    v -> ConnectionSettings.apiVersionProblem(orDefault(v, ConnectionSettings.DEFAULT_API_VERSION)),
            "connectTimeoutSeconds", WholeNumber.CONNECT_TIMEOUT_SECONDS::problem,
            "callTimeoutSeconds", WholeNumber.CALL_TIMEOUT_SECONDS::problem,
            "maxRetries", WholeNumber.MAX_RETRIES::problem);

    private static String orDefault(@CheckForNull String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String require(@CheckForNull String value, Function<String, Optional<String>> rule) {
        Optional<String> problem = rule.apply(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return value;
    }

    /** The connection settings as configured, without validation. */
    public ConnectionSettings getConnectionSettings() {
        return new ConnectionSettings(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, maxRetries);
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
        return checkField("endpoint", value);
    }

    @POST
    public FormValidation doCheckApiVersion(@QueryParameter String value) {
        return checkField("apiVersion", value);
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        return checkField("connectTimeoutSeconds", value);
    }

    @POST
    public FormValidation doCheckCallTimeoutSeconds(@QueryParameter String value) {
        return checkField("callTimeoutSeconds", value);
    }

    @POST
    public FormValidation doCheckMaxRetries(@QueryParameter String value) {
        return checkField("maxRetries", value);
    }

    /** The form check of a field: its rule, for administrators only. */
    private static FormValidation checkField(String field, @CheckForNull String value) {
        if (!FormAccess.canConfigure(null)) {
            return FormValidation.ok();
        }
        return FIELD_RULES.get(field).apply(value).map(FormValidation::error).orElseGet(FormValidation::ok);
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
        Optional<String> badNumber = WholeNumber.CONNECT_TIMEOUT_SECONDS
                .problem(connectTimeoutSeconds)
                .or(() -> WholeNumber.CALL_TIMEOUT_SECONDS.problem(callTimeoutSeconds));
        if (badNumber.isPresent()) {
            return FormValidation.error(badNumber.get());
        }
        ConnectionSettings settings = new ConnectionSettings(
                endpoint,
                apiVersion,
                Integer.parseInt(connectTimeoutSeconds.strip()),
                Integer.parseInt(callTimeoutSeconds.strip()),
                0);
        return ConnectionTest.run(null, credentialsId, settings);
    }
}
