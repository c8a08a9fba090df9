package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ExtensionList;
import hudson.model.Fingerprint;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What only a running Jenkins can show: real secrets, usage tracking, credential domains and scopes as the credentials
 * plugin applies them.
 */
class ZenlayerCredentialsITest extends AbstractZenlayerITest {

    private static final String PASSWORD = "s3cr3t-Password";
    private static final String GLOBAL = ZenlayerGlobalConfiguration.class.getName();

    private static String call(String credentialsId) {
        return FUNCTION + " instanceId: '" + INSTANCE + "', credentialsId: '" + credentialsId + "'\n";
    }

    /** Posts a form request to the global configuration's descriptor and returns the answer's body. */
    private String postToGlobalForm(String method, String... nameValues) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request =
                new WebRequest(wc.createCrumbedUrl("descriptorByName/" + GLOBAL + "/" + method), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(new NameValuePair(nameValues[i], nameValues[i + 1]));
        }
        request.setRequestParameters(parameters);
        return wc.loadWebResponse(request).getContentAsString();
    }

    /** Stores a credential in the Jenkins store, in a domain of its own that matches only {@code hosts}. */
    private static void addInDomain(String hosts, Credentials credentials) throws Exception {
        Domain domain = new Domain("hosts " + hosts, null, List.of(new HostnameSpecification(hosts, null)));
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getDomainCredentialsMap().put(domain, new CopyOnWriteArrayList<>(List.of(credentials)));
        provider.save();
    }

    @Test
    void accessKeyBecomesASignedAccessKey() {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve("zl", accessKey("zl", "AKID123", PASSWORD));
        assertNull(res.problem());
        ZenlayerAuth.AccessKey auth = (ZenlayerAuth.AccessKey) res.auth();
        assertEquals("AKID123", auth.accessKeyId());
        assertThat(auth.toString(), not(containsString(PASSWORD)));
    }

    @Test
    void usernamePasswordIsReadAsAccessKeyIdAndPassword() throws Exception {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve(
                "up", new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "up", "", "AKID456", PASSWORD));
        assertThat(res.auth(), instanceOf(ZenlayerAuth.AccessKey.class));
        assertEquals("AKID456", ((ZenlayerAuth.AccessKey) res.auth()).accessKeyId());
    }

    @Test
    void secretTextIsABearerToken() {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve(
                "token", new StringCredentialsImpl(CredentialsScope.GLOBAL, "token", "", Secret.fromString("tok-1")));
        assertThat(res.auth(), instanceOf(ZenlayerAuth.BearerToken.class));
    }

    @Test
    void blankValuesAreReportedWithoutTheSecret() {
        ZenlayerCredentials.Resolution blankId = ZenlayerCredentials.resolve("k", accessKey("k", "  ", PASSWORD));
        assertThat(blankId.problem(), allOf(containsString("\"k\""), not(containsString(PASSWORD))));

        ZenlayerCredentials.Resolution badPassword =
                ZenlayerCredentials.resolve("k", accessKey("k", "AKID", "has space " + PASSWORD));
        assertThat(badPassword.problem(), not(containsString(PASSWORD)));
        assertNull(badPassword.auth());
    }

    @Test
    void toAuthRejectsBlankTokens() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ZenlayerCredentials.toAuth(
                        new StringCredentialsImpl(CredentialsScope.GLOBAL, "t", "", Secret.fromString(" "))));
    }

    @Test
    void aBuildIsRecordedInTheCredentialsUsage() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        ZenlayerAccessKeyImpl key = accessKey("tracked-key", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD);
        addCredentials(key);
        WorkflowJob job = pipeline("tracked", call("tracked-key"));

        WorkflowRun b = build(job, Result.SUCCESS);

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(key);
        assertNotNull(fingerprint, "the credential has a usage record");
        assertThat(fingerprint.getJobs(), hasItem(job.getFullName()));
        assertTrue(fingerprint.getRangeSet(job.getFullName()).includes(b.getNumber()));
    }

    @Test
    void aBuildUsesOnlyCredentialsWhoseDomainMatchesTheEndpoint() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        addInDomain("api.zenlayer.example", accessKey("other-host-key", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD));
        addInDomain("127.0.0.1", accessKey("same-host-key", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD));

        WorkflowRun refused = build(pipeline("other-host", call("other-host-key")), Result.FAILURE);
        r.assertLogContains("Cannot find credentials with ID \"other-host-key\"", refused);
        assertEquals(0, server.requestCount(), "nothing was sent with the other host's credential");

        WorkflowRun used = build(pipeline("same-host", call("same-host-key")), Result.SUCCESS);
        r.assertLogContains(onlyRequestId(null), used);
        assertFalse(server.pendingDowngrade(INSTANCE));
    }

    @Test
    void theGlobalFormOffersAndAcceptsOnlyCredentialsThatBuildsCanSee() throws Exception {
        addCredentials(new ZenlayerAccessKeyImpl(
                CredentialsScope.SYSTEM,
                "system-key",
                "system",
                ACCESS_KEY_ID,
                Secret.fromString(ACCESS_KEY_PASSWORD)));

        String list = postToGlobalForm("fillCredentialsIdItems", "credentialsId", "");
        assertThat(list, containsString("\"" + CREDENTIALS_ID + "\""));
        assertThat(list, not(containsString("system-key")));

        String refused = postToGlobalForm("checkCredentialsId", "value", "system-key");
        assertThat(refused, allOf(containsString("class=\"error\""), containsString("System scope")));
        String accepted = postToGlobalForm("checkCredentialsId", "value", CREDENTIALS_ID);
        assertThat(accepted, not(containsString("class=\"error\"")));

        String tested = postToGlobalForm(
                "testConnection",
                "credentialsId",
                "system-key",
                "endpoint",
                server.endpoint(),
                "apiVersion",
                "2026-02-01",
                "connectTimeoutSeconds",
                "5",
                "callTimeoutSeconds",
                "10");
        assertThat(tested, allOf(containsString("class=\"error\""), containsString("System scope")));
        assertEquals(0, server.requestCount(), "the test sent nothing with a System-scoped credential");
    }

    @Test
    void aSystemScopedDefaultIsRefusedOnSaveAndByTheSetterConfigurationAsCodeCalls() throws Exception {
        addCredentials(new ZenlayerAccessKeyImpl(
                CredentialsScope.SYSTEM,
                "system-key",
                "system",
                ACCESS_KEY_ID,
                Secret.fromString(ACCESS_KEY_PASSWORD)));
        ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
        config.setCredentialsId(CREDENTIALS_ID);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> config.setCredentialsId("system-key"));
        assertThat(e.getMessage(), containsString("System scope"));
        assertEquals(CREDENTIALS_ID, config.getCredentialsId());

        // A form posted by hand: the list never offers the credential, so the option is added to the page.
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlPage page = wc.goTo("configure");
        HtmlForm form = page.getFormByName("config");
        HtmlSelect select = form.getSelectByName("_.credentialsId");
        HtmlOption forged = (HtmlOption) page.createElement("option");
        forged.setValueAttribute("system-key");
        select.appendChild(forged);
        select.setSelectedAttribute(forged, true);

        HtmlPage answer = r.submit(form);

        assertEquals(400, answer.getWebResponse().getStatusCode());
        assertThat(answer.asNormalizedText(), containsString("System scope"));
        assertEquals(CREDENTIALS_ID, config.getCredentialsId());
    }

    @Test
    void theCredentialKindHasADescriptionInTheKindChooser() {
        String description = ExtensionList.lookupSingleton(ZenlayerAccessKeyImpl.DescriptorImpl.class)
                .getDescription();
        assertThat(description, containsString("withCredentials"));
    }
}
