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
import io.jenkins.plugins.zenlayer.Wording;
import io.jenkins.plugins.zenlayer.api.InvalidSettingException;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jvnet.localizer.Localizable;
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

    /** The client's default connect timeout, in the seconds users configure. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS =
            (int) ZenlayerClientConfig.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    /** The client's default call timeout, in seconds. */
    public static final int DEFAULT_CALL_TIMEOUT_SECONDS = (int) ZenlayerClientConfig.DEFAULT_CALL_TIMEOUT.toSeconds();
    /** Users configure retries; the client counts attempts, the first one included. */
    public static final int DEFAULT_MAX_RETRIES = ZenlayerClientConfig.DEFAULT_MAX_ATTEMPTS - 1;

    private String credentialsId;
    private String endpoint = ZenlayerClientConfig.DEFAULT_ENDPOINT;
    private String apiVersion = ZenlayerClientConfig.DEFAULT_API_VERSION;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int callTimeoutSeconds = DEFAULT_CALL_TIMEOUT_SECONDS;
    private int maxRetries = DEFAULT_MAX_RETRIES;
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
        this.endpoint = require(
                orDefault(endpoint, ZenlayerClientConfig.DEFAULT_ENDPOINT),
                ZenlayerGlobalConfiguration::endpointProblem);
        save();
    }

    public String getApiVersion() {
        return apiVersion;
    }

    /** Blank restores the default. @throws IllegalArgumentException naming the problem */
    @DataBoundSetter
    public void setApiVersion(@CheckForNull String apiVersion) {
        this.apiVersion = require(
                orDefault(apiVersion, ZenlayerClientConfig.DEFAULT_API_VERSION),
                ZenlayerGlobalConfiguration::apiVersionProblem);
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
            "endpoint", v -> endpointProblem(orDefault(v, ZenlayerClientConfig.DEFAULT_ENDPOINT)),
            "apiVersion", v -> apiVersionProblem(orDefault(v, ZenlayerClientConfig.DEFAULT_API_VERSION)),
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

    /** Every problem of the settings in force; empty when they can be used. */
    public List<String> settingsProblems() {
        return settingsProblems(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, maxRetries);
    }

    /**
     * The client's configuration for the settings in force; call only when {@link #settingsProblems()} is empty.
     *
     * @throws IllegalArgumentException if the client refuses a value
     */
    public ZenlayerClientConfig toClientConfig() {
        return clientConfig(endpoint, apiVersion, connectTimeoutSeconds, callTimeoutSeconds, maxRetries);
    }

    /** Every problem of these settings, in the units users configure, each by the client's own rule. */
    public static List<String> settingsProblems(
            @CheckForNull String endpoint, @CheckForNull String apiVersion, int connect, int call, int retries) {
        List<String> problems = new ArrayList<>();
        endpointProblem(endpoint).ifPresent(problems::add);
        apiVersionProblem(apiVersion).ifPresent(problems::add);
        WholeNumber.CONNECT_TIMEOUT_SECONDS.problem(connect).ifPresent(problems::add);
        WholeNumber.CALL_TIMEOUT_SECONDS.problem(call).ifPresent(problems::add);
        WholeNumber.MAX_RETRIES.problem(retries).ifPresent(problems::add);
        return problems;
    }

    /**
     * The client's configuration for these settings; call only when {@link #settingsProblems(String, String, int,
     * int, int)} finds none.
     *
     * @throws IllegalArgumentException if the client refuses a value
     */
    public static ZenlayerClientConfig clientConfig(
            String endpoint, String apiVersion, int connect, int call, int retries) {
        return ZenlayerClientConfig.builder()
                .endpoint(endpoint)
                .apiVersion(apiVersion)
                .connectTimeout(Duration.ofSeconds(connect))
                .callTimeout(Duration.ofSeconds(call))
                .maxAttempts(retries + 1)
                .build();
    }

    /** What is wrong with an endpoint URL, if anything. */
    public static Optional<String> endpointProblem(@CheckForNull String endpoint) {
        return problemOf(() -> ZenlayerClientConfig.checkEndpoint(endpoint));
    }

    /** What is wrong with an API version, if anything. */
    public static Optional<String> apiVersionProblem(@CheckForNull String apiVersion) {
        return problemOf(() -> ZenlayerClientConfig.checkApiVersion(apiVersion));
    }

    /** The whole-number settings, in the units users configure, each checked by the client's rule. */
    public enum WholeNumber {
        CONNECT_TIMEOUT_SECONDS(
                1, (int) ZenlayerClientConfig.MAX_CONNECT_TIMEOUT.toSeconds(), Messages._Settings_connectTimeout()) {
            @Override
            void check(int value) {
                ZenlayerClientConfig.checkConnectTimeout(Duration.ofSeconds(value));
            }
        },
        CALL_TIMEOUT_SECONDS(
                1, (int) ZenlayerClientConfig.MAX_CALL_TIMEOUT.toSeconds(), Messages._Settings_callTimeout()) {
            @Override
            void check(int value) {
                ZenlayerClientConfig.checkCallTimeout(Duration.ofSeconds(value));
            }
        },
        MAX_RETRIES(0, ZenlayerClientConfig.MAX_ATTEMPTS_LIMIT - 1, Messages._Settings_maxRetries()) {
            @Override
            void check(int value) {
                // Users configure retries; the client counts attempts, the first one included.
                ZenlayerClientConfig.checkMaxAttempts(value + 1);
            }
        };

        private final int min;
        private final int max;
        private final Localizable what;

        WholeNumber(int min, int max, Localizable what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        /** @throws InvalidSettingException if the client refuses the value */
        abstract void check(int value);

        /** What is wrong with a value, if anything. */
        public Optional<String> problem(int value) {
            try {
                check(value);
                return Optional.empty();
            } catch (InvalidSettingException e) {
                return Optional.of(Messages.Settings_outOfRange(what, value, min, max));
            }
        }

        /** What is wrong with a value typed into a form or a YAML file, which may not be a whole number at all. */
        public Optional<String> problem(@CheckForNull String text) {
            Integer value = parse(text);
            return value == null ? Optional.of(Messages.Settings_notANumber(what, min, max)) : problem(value);
        }

        /**
         * A value that passes {@link #problem(int)}; {@code null} stands for text that was not a whole number.
         *
         * @throws IllegalArgumentException with the problem, if it does not pass
         */
        public int require(@CheckForNull Integer value) {
            Optional<String> problem =
                    value == null ? Optional.of(Messages.Settings_notANumber(what, min, max)) : problem(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            return value;
        }

        @CheckForNull
        public static Integer parse(@CheckForNull String text) {
            try {
                return text == null ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static Optional<String> problemOf(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (InvalidSettingException e) {
            return Optional.of(Wording.settingProblem(e));
        }
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
        return ConnectionTest.run(
                null,
                credentialsId,
                endpoint,
                apiVersion,
                Integer.parseInt(connectTimeoutSeconds.strip()),
                Integer.parseInt(callTimeoutSeconds.strip()));
    }
}
