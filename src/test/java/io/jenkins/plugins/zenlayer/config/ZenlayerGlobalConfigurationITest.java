package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerAccessKeyImpl;
import io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder;
import io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

class ZenlayerGlobalConfigurationITest extends AbstractZenlayerITest {

    private static final String GLOBAL = ZenlayerGlobalConfiguration.class.getName();
    private static final String STEP = CancelBandwidthDowngradeStep.class.getName();
    private static final String BUILDER = CancelBandwidthDowngradeBuilder.class.getName();
    private static final String ACCESS_KEY = ZenlayerAccessKeyImpl.class.getName();
    private static final String OVERRIDE = ResultOverride.class.getName();
    /** The form validation answer that says nothing. */
    private static final String SILENT_OK = "<div/>";

    private FreeStyleProject job;
    private final Map<String, JenkinsRule.WebClient> clients = new HashMap<>();

    /** Administrators, a reader with Overall/Read and Job/Read, and a user who may configure one job. */
    private void secureJenkins() throws Exception {
        job = r.createFreeStyleProject("job");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ)
                .everywhere()
                .to("configurer")
                .grant(Item.READ, Item.CONFIGURE)
                .onItems(job)
                .to("configurer"));
    }

    private JenkinsRule.WebClient as(String user) throws Exception {
        JenkinsRule.WebClient wc = clients.get(user);
        if (wc == null) {
            wc = r.createWebClient()
                    .withThrowExceptionOnFailingStatusCode(false)
                    .login(user);
            clients.put(user, wc);
        }
        return wc;
    }

    private static WebResponse post(JenkinsRule.WebClient wc, String path, String... nameValues) throws Exception {
        WebRequest request = new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(new NameValuePair(nameValues[i], nameValues[i + 1]));
        }
        request.setRequestParameters(parameters);
        return wc.loadWebResponse(request);
    }

    private static WebResponse get(JenkinsRule.WebClient wc, String path) throws Exception {
        return wc.loadWebResponse(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.GET));
    }

    private String[] testConnectionParameters() {
        return new String[] {
            "credentialsId", CREDENTIALS_ID,
            "endpoint", server.endpoint(),
            "apiVersion", "2026-02-01",
            "connectTimeoutSeconds", "5",
            "callTimeoutSeconds", "10"
        };
    }

    @Test
    void configurationFormSubmitsEverySetting() throws Exception {
        ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
        config.setCredentialsId(CREDENTIALS_ID);
        config.setEndpoint("https://api.zenlayer.example");
        config.setApiVersion("2022-11-20");
        config.setConnectTimeoutSeconds(7);
        config.setCallTimeoutSeconds(45);
        config.setMaxRetries(2);
        List<ResultOverride> overrides = List.of(
                new ResultOverride(NO_PENDING_DOWNGRADE, "SUCCESS"),
                new ResultOverride(INSTANCE_NOT_FOUND, "UNSTABLE"));
        config.setResultOverrides(overrides);

        // The page is rendered with these values; then the object goes back to the defaults, so that only what the
        // form itself submits can bring each value back.
        HtmlForm form = r.createWebClient().goTo("configure").getFormByName("config");
        config.setCredentialsId(null);
        config.setEndpoint(null);
        config.setApiVersion(null);
        config.setConnectTimeoutSeconds(10);
        config.setCallTimeoutSeconds(30);
        config.setMaxRetries(3);
        config.setResultOverrides(List.of());
        r.submit(form);

        assertEquals(CREDENTIALS_ID, config.getCredentialsId());
        assertEquals("https://api.zenlayer.example", config.getEndpoint());
        assertEquals("2022-11-20", config.getApiVersion());
        assertEquals(7, config.getConnectTimeoutSeconds());
        assertEquals(45, config.getCallTimeoutSeconds());
        assertEquals(2, config.getMaxRetries());
        assertEquals(overrides, config.getResultOverrides());
    }

    @Test
    void testConnectionCallsTheApiAndShowsTheRequestId() throws Exception {
        secureJenkins();
        WebResponse response =
                post(as("admin"), "descriptorByName/" + GLOBAL + "/testConnection", testConnectionParameters());

        assertEquals(200, response.getStatusCode());
        assertEquals(1, server.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES));
        Exchange exchange = server.exchanges().get(0);
        assertThat(response.getContentAsString(), containsString(exchange.requestId()));
        assertThat(response.getContentAsString(), containsString("class=\"ok\""));
        assertThat(response.getContentAsString(), not(containsString(ACCESS_KEY_PASSWORD)));
    }

    @Test
    void testConnectionIsRefusedWithoutAdministerAndForGet() throws Exception {
        secureJenkins();
        String path = "descriptorByName/" + GLOBAL + "/testConnection";

        assertEquals(403, post(as("reader"), path, testConnectionParameters()).getStatusCode());
        assertEquals(
                403, post(as("configurer"), path, testConnectionParameters()).getStatusCode());
        assertEquals(
                404,
                get(
                                as("admin"),
                                path + "?credentialsId=" + CREDENTIALS_ID + "&endpoint=" + server.endpoint()
                                        + "&apiVersion=2026-02-01&connectTimeoutSeconds=5&callTimeoutSeconds=10")
                        .getStatusCode());
        assertEquals(0, server.requestCount(), "no request reached the API");
    }

    @Test
    void globalCredentialListIsShownToAdministratorsOnly() throws Exception {
        secureJenkins();
        String path = "descriptorByName/" + GLOBAL + "/fillCredentialsIdItems";

        WebResponse admin = post(as("admin"), path, "credentialsId", "");
        assertEquals(200, admin.getStatusCode());
        assertThat(admin.getContentAsString(), containsString(CREDENTIALS_ID));

        WebResponse reader = post(as("reader"), path, "credentialsId", "");
        assertEquals(200, reader.getStatusCode());
        assertThat(reader.getContentAsString(), not(containsString(CREDENTIALS_ID)));

        assertEquals(404, get(as("admin"), path + "?credentialsId=").getStatusCode());
    }

    @Test
    void globalChecksAnswerAdministratorsOnly() throws Exception {
        secureJenkins();
        String[][] checks = {
            {"checkEndpoint", "value", "http://zenlayer.example"},
            {"checkApiVersion", "value", "yesterday"},
            {"checkConnectTimeoutSeconds", "value", "0"},
            {"checkCallTimeoutSeconds", "value", "100000"},
            {"checkMaxRetries", "value", "-1"},
            {"checkCredentialsId", "value", "no-such-credentials"}
        };
        for (String[] check : checks) {
            String path = "descriptorByName/" + GLOBAL + "/" + check[0];
            WebResponse admin = post(as("admin"), path, check[1], check[2]);
            assertThat(check[0], admin.getContentAsString(), containsString("class=\"error\""));
            WebResponse reader = post(as("reader"), path, check[1], check[2]);
            assertEquals(200, reader.getStatusCode(), check[0]);
            assertEquals(SILENT_OK, reader.getContentAsString().trim(), check[0]);
            assertEquals(404, get(as("admin"), path + "?" + check[1] + "=x").getStatusCode(), check[0]);
        }
    }

    @Test
    void endpointCheckAcceptsHttpsAndLoopbackHttpOnly() throws Exception {
        secureJenkins();
        JenkinsRule.WebClient admin = as("admin");
        String path = "descriptorByName/" + GLOBAL + "/checkEndpoint";

        assertEquals(
                SILENT_OK,
                post(admin, path, "value", "https://console.zenlayer.com")
                        .getContentAsString()
                        .trim());
        assertEquals(
                SILENT_OK,
                post(admin, path, "value", server.endpoint())
                        .getContentAsString()
                        .trim());
        assertThat(
                post(admin, path, "value", "http://console.zenlayer.com").getContentAsString(),
                containsString("class=\"error\""));
        assertThat(
                post(admin, path, "value", "ftp://console.zenlayer.com").getContentAsString(),
                containsString("class=\"error\""));
    }

    @Test
    void jobFormEndpointsNeedPermissionOnTheJob() throws Exception {
        secureJenkins();
        for (String descriptor : List.of(STEP, BUILDER)) {
            String base = "job/job/descriptorByName/" + descriptor + "/";

            WebResponse configurerList = post(as("configurer"), base + "fillCredentialsIdItems", "credentialsId", "");
            assertThat(descriptor, configurerList.getContentAsString(), containsString(CREDENTIALS_ID));
            WebResponse readerList = post(as("reader"), base + "fillCredentialsIdItems", "credentialsId", "");
            assertEquals(200, readerList.getStatusCode(), descriptor);
            assertThat(descriptor, readerList.getContentAsString(), not(containsString(CREDENTIALS_ID)));

            assertThat(
                    descriptor,
                    post(as("configurer"), base + "checkCredentialsId", "value", "no-such-credentials")
                            .getContentAsString(),
                    containsString("class=\"error\""));
            assertEquals(
                    SILENT_OK,
                    post(as("reader"), base + "checkCredentialsId", "value", "no-such-credentials")
                            .getContentAsString()
                            .trim(),
                    descriptor);
            assertThat(
                    descriptor,
                    post(as("configurer"), base + "checkInstanceId", "value", "two ids")
                            .getContentAsString(),
                    containsString("class=\"error\""));
            assertEquals(
                    SILENT_OK,
                    post(as("reader"), base + "checkInstanceId", "value", "two ids")
                            .getContentAsString()
                            .trim(),
                    descriptor);

            int requestsBefore = server.requestCount();
            assertEquals(
                    403,
                    post(as("reader"), base + "testConnection", "credentialsId", CREDENTIALS_ID)
                            .getStatusCode(),
                    descriptor);
            assertEquals(requestsBefore, server.requestCount(), descriptor);
            WebResponse tested = post(as("configurer"), base + "testConnection", "credentialsId", CREDENTIALS_ID);
            assertEquals(200, tested.getStatusCode(), descriptor);
            assertThat(descriptor, tested.getContentAsString(), containsString("class=\"ok\""));

            assertEquals(
                    404,
                    get(as("configurer"), base + "testConnection?credentialsId=" + CREDENTIALS_ID)
                            .getStatusCode(),
                    descriptor);
            assertEquals(
                    404,
                    get(as("configurer"), base + "fillCredentialsIdItems?credentialsId=")
                            .getStatusCode(),
                    descriptor);
        }
        assertEquals(2, server.requestCount(FakeZenlayerServer.DESCRIBE_INSTANCES));
    }

    @Test
    void credentialAndOverrideFormsAnswerAdministratorsOnly() throws Exception {
        secureJenkins();
        String keyCheck = "descriptorByName/" + ACCESS_KEY + "/checkAccessKeyId";
        assertValidationAnswersAdministratorsOnly(keyCheck, "has spaces");
        String codeCheck = "descriptorByName/" + OVERRIDE + "/checkCode";
        assertValidationAnswersAdministratorsOnly(codeCheck, "not a code");
        // The result is a list of the three allowed names, with no check of its own (see ResultOverride).
        assertEquals(
                404,
                post(as("admin"), "descriptorByName/" + OVERRIDE + "/checkResult", "value", "ABORTED")
                        .getStatusCode());

        String resultItems = "descriptorByName/" + OVERRIDE + "/fillResultItems";
        assertThat(post(as("admin"), resultItems, "result", "").getContentAsString(), containsString("UNSTABLE"));
        assertThat(post(as("reader"), resultItems, "result", "").getContentAsString(), not(containsString("UNSTABLE")));

        assertEquals(404, get(as("admin"), keyCheck + "?value=x").getStatusCode());
        assertEquals(404, get(as("admin"), codeCheck + "?value=x").getStatusCode());
    }

    /** An invalid value gets an error for an administrator and a silent OK for a user with only read access. */
    private void assertValidationAnswersAdministratorsOnly(String checkUrl, String invalidValue) throws Exception {
        assertThat(
                post(as("admin"), checkUrl, "value", invalidValue).getContentAsString(),
                containsString("class=\"error\""));
        assertEquals(
                SILENT_OK,
                post(as("reader"), checkUrl, "value", invalidValue)
                        .getContentAsString()
                        .trim());
    }
}
