package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Fingerprint;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestBuilder;

/**
 * {@code withCredentials([zenlayerAccessKey(…)])} and the freestyle "Use secret text(s) or file(s)" environment:
 * what the variables hold, that the log masks both, how a bad credential or variable name fails, and that the use is
 * recorded.
 */
class ZenlayerAccessKeyBindingITest extends AbstractZenlayerITest {

    private static final String DEFAULT_ID_VARIABLE = "ZENLAYER_ACCESS_KEY_ID";
    private static final String DEFAULT_PASSWORD_VARIABLE = "ZENLAYER_ACCESS_KEY_SECRET";
    private static final String BINDING = ZenlayerAccessKeyBinding.class.getName();
    /** The form validation answer that says nothing. */
    private static final String SILENT_OK = "<div/>";

    /**
     * The scripts print each value without its first characters: that shows what the variable holds, while the full
     * value, which the log masks, never appears.
     */
    private static final int PREFIX = 9;

    private static String idTail() {
        return ACCESS_KEY_ID.substring(PREFIX);
    }

    private static String passwordTail() {
        return ACCESS_KEY_PASSWORD.substring(PREFIX);
    }

    private static void assertNoValueInLog(JenkinsRule r, Run<?, ?> build) throws Exception {
        r.assertLogNotContains(ACCESS_KEY_ID, build);
        r.assertLogNotContains(ACCESS_KEY_PASSWORD, build);
    }

    @Test
    void pipelineShellSeesBothValuesUnderTheDefaultNamesAndTheLogMasksThem() throws Exception {
        String script = """
                node {
                  withCredentials([zenlayerAccessKey(credentialsId: '%s')]) {
                    if (isUnix()) {
                      sh '''
                        echo "id=$ZENLAYER_ACCESS_KEY_ID password=$ZENLAYER_ACCESS_KEY_SECRET"
                        echo "id tail=${ZENLAYER_ACCESS_KEY_ID#%s} password tail=${ZENLAYER_ACCESS_KEY_SECRET#%s}"
                      '''
                    } else {
                      bat '''
                        @echo id=%%ZENLAYER_ACCESS_KEY_ID%% password=%%ZENLAYER_ACCESS_KEY_SECRET%%
                        @echo id tail=%%ZENLAYER_ACCESS_KEY_ID:~%d%% password tail=%%ZENLAYER_ACCESS_KEY_SECRET:~%d%%
                      '''
                    }
                  }
                  if (isUnix()) {
                    sh 'if [ -z "${ZENLAYER_ACCESS_KEY_SECRET+x}" ]; then echo after=unset; fi'
                  } else {
                    bat '@if not defined ZENLAYER_ACCESS_KEY_SECRET echo after=unset'
                  }
                }
                """.formatted(
                        CREDENTIALS_ID,
                        ACCESS_KEY_ID.substring(0, PREFIX),
                        ACCESS_KEY_PASSWORD.substring(0, PREFIX),
                        PREFIX,
                        PREFIX);
        WorkflowRun b = build(pipeline("shell", script), Result.SUCCESS);

        r.assertLogContains("id=**** password=****", b);
        r.assertLogContains("id tail=" + idTail() + " password tail=" + passwordTail(), b);
        r.assertLogContains("after=unset", b);
        assertNoValueInLog(r, b);
    }

    @Test
    void pipelineTakesOtherVariableNamesAndWorksWithoutANode() throws Exception {
        String script = """
                withCredentials([zenlayerAccessKey(credentialsId: '%s',
                    accessKeyIdVariable: 'ZENLAYERCLOUD_ACCESS_KEY_ID',
                    accessKeyPasswordVariable: 'ZENLAYERCLOUD_ACCESS_KEY_PASSWORD')]) {
                  echo "id tail=${env.ZENLAYERCLOUD_ACCESS_KEY_ID.substring(%d)}"
                  echo "password tail=${env.ZENLAYERCLOUD_ACCESS_KEY_PASSWORD.substring(%d)}"
                  echo "default names: ${env.ZENLAYER_ACCESS_KEY_ID == null && env.ZENLAYER_ACCESS_KEY_SECRET == null ? 'unset' : 'set'}"
                }
                """.formatted(CREDENTIALS_ID, PREFIX, PREFIX);
        WorkflowRun b = build(pipeline("other-names", script), Result.SUCCESS);

        r.assertLogContains("id tail=" + idTail(), b);
        r.assertLogContains("password tail=" + passwordTail(), b);
        r.assertLogContains("default names: unset", b);
        assertNoValueInLog(r, b);
    }

    @Test
    void freestyleBuildEnvironmentSetsAndMasksBothValues() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("freestyle");
        p.getBuildWrappersList()
                .add(new SecretBuildWrapper(List.<MultiBinding<?>>of(new ZenlayerAccessKeyBinding(CREDENTIALS_ID))));
        CaptureEnvironmentBuilder capture = new CaptureEnvironmentBuilder();
        p.getBuildersList().add(capture);
        p.getBuildersList().add(TestBuilder.of((build, launcher, listener) -> {
            String id = build.getEnvironment(listener).get(DEFAULT_ID_VARIABLE);
            String password = build.getEnvironment(listener).get(DEFAULT_PASSWORD_VARIABLE);
            listener.getLogger().println("id=" + id + " password=" + password);
        }));

        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        assertEquals(ACCESS_KEY_ID, capture.getEnvVars().get(DEFAULT_ID_VARIABLE));
        assertEquals(ACCESS_KEY_PASSWORD, capture.getEnvVars().get(DEFAULT_PASSWORD_VARIABLE));
        r.assertLogContains("id=**** password=****", b);
        assertNoValueInLog(r, b);
        assertThat(b.getSensitiveBuildVariables(), hasItems(DEFAULT_ID_VARIABLE, DEFAULT_PASSWORD_VARIABLE));
    }

    @Test
    void freestyleFormKeepsTheCredentialAndBothVariableNames() throws Exception {
        ZenlayerAccessKeyBinding defaults = new ZenlayerAccessKeyBinding(CREDENTIALS_ID);
        ZenlayerAccessKeyBinding renamed = new ZenlayerAccessKeyBinding(CREDENTIALS_ID);
        renamed.setAccessKeyIdVariable("ZENLAYERCLOUD_ACCESS_KEY_ID");
        renamed.setAccessKeyPasswordVariable("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD");
        FreeStyleProject p = r.createFreeStyleProject("form");
        p.getBuildWrappersList().add(new SecretBuildWrapper(List.<MultiBinding<?>>of(defaults, renamed)));

        p = r.configRoundtrip(p);

        List<? extends MultiBinding<?>> bindings =
                p.getBuildWrappersList().get(SecretBuildWrapper.class).getBindings();
        assertEquals(2, bindings.size());
        r.assertEqualDataBoundBeans(defaults, bindings.get(0));
        r.assertEqualDataBoundBeans(renamed, bindings.get(1));
        ZenlayerAccessKeyBinding first = (ZenlayerAccessKeyBinding) bindings.get(0);
        assertEquals(CREDENTIALS_ID, first.getCredentialsId());
        assertEquals(DEFAULT_ID_VARIABLE, first.getAccessKeyIdVariable());
        assertEquals(DEFAULT_PASSWORD_VARIABLE, first.getAccessKeyPasswordVariable());
    }

    @Test
    void missingCredentialFailsTheBuildNamingItsId() throws Exception {
        WorkflowRun b = build(
                pipeline(
                        "missing",
                        "withCredentials([zenlayerAccessKey(credentialsId: 'no-such-key')]) { echo 'inside the block' }"),
                Result.FAILURE);

        r.assertLogContains("\"no-such-key\"", b);
        r.assertLogContains("Zenlayer access key", b);
        r.assertLogNotContains("inside the block", b);
    }

    @Test
    void credentialOfAnotherTypeFailsTheBuildNamingItsIdAndType() throws Exception {
        addCredentials(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "up-key", "username and password", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD));
        WorkflowRun b = build(
                pipeline(
                        "wrong-type",
                        "withCredentials([zenlayerAccessKey(credentialsId: 'up-key')]) { echo 'inside the block' }"),
                Result.FAILURE);

        r.assertLogContains("\"up-key\"", b);
        r.assertLogContains("Username with password", b);
        r.assertLogContains("only a Zenlayer access key", b);
        r.assertLogNotContains("inside the block", b);
        assertNoValueInLog(r, b);
    }

    @Test
    void invalidOrClashingVariableNamesFailTheBuildNamingTheProblem() throws Exception {
        WorkflowRun invalid = build(
                pipeline(
                        "invalid-name",
                        "withCredentials([zenlayerAccessKey(credentialsId: '" + CREDENTIALS_ID
                                + "', accessKeyIdVariable: 'ZL-ID')]) { echo 'inside the block' }"),
                Result.FAILURE);
        r.assertLogContains("\"ZL-ID\" is not a valid environment variable name", invalid);
        r.assertLogNotContains("inside the block", invalid);

        WorkflowRun clash = build(
                pipeline(
                        "same-name",
                        "withCredentials([zenlayerAccessKey(credentialsId: '" + CREDENTIALS_ID
                                + "', accessKeyIdVariable: 'ZL_KEY', accessKeyPasswordVariable: 'zl_key')])"
                                + " { echo 'inside the block' }"),
                Result.FAILURE);
        r.assertLogContains("cannot both be bound to ZL_KEY", clash);
        r.assertLogNotContains("inside the block", clash);
    }

    @Test
    void eachBuildThatBindsTheKeyIsRecordedOnTheCredentialFingerprint() throws Exception {
        ZenlayerAccessKeyImpl tracked = accessKey("tracked-key", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD);
        addCredentials(tracked);
        assertNull(CredentialsProvider.getFingerprintOf(tracked), "no use recorded before any build");

        WorkflowJob pipeline =
                pipeline("tracked", "withCredentials([zenlayerAccessKey(credentialsId: 'tracked-key')]) { echo 'ok' }");
        WorkflowRun pipelineBuild = build(pipeline, Result.SUCCESS);
        FreeStyleProject freestyle = r.createFreeStyleProject("tracked-freestyle");
        freestyle
                .getBuildWrappersList()
                .add(new SecretBuildWrapper(List.<MultiBinding<?>>of(new ZenlayerAccessKeyBinding("tracked-key"))));
        FreeStyleBuild freestyleBuild = r.buildAndAssertSuccess(freestyle);

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(tracked);
        assertNotNull(fingerprint, "the use of the credential was recorded");
        assertThat(fingerprint.getJobs(), containsInAnyOrder(pipeline.getFullName(), freestyle.getFullName()));
        assertTrue(fingerprint.getRangeSet(pipeline.getFullName()).includes(pipelineBuild.getNumber()));
        assertTrue(fingerprint.getRangeSet(freestyle.getFullName()).includes(freestyleBuild.getNumber()));
    }

    @Test
    void variableChecksAnswerOnlyUsersWhoMayConfigureTheJob() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ)
                .everywhere()
                .to("configurer")
                .grant(Item.READ, Item.CONFIGURE)
                .onItems(job)
                .to("configurer"));
        JenkinsRule.WebClient configurer = client("configurer");
        JenkinsRule.WebClient reader = client("reader");
        String base = "job/job/descriptorByName/" + BINDING + "/";
        String idCheck = base + "checkAccessKeyIdVariable";
        String passwordCheck = base + "checkAccessKeyPasswordVariable";

        assertThat(post(configurer, idCheck, "value", "ZL-ID"), containsString("class=\"error\""));
        assertThat(post(configurer, idCheck, "value", "ZL-ID"), containsString("ZL-ID"));
        assertThat(
                post(configurer, passwordCheck, "value", "ZL_KEY", "accessKeyIdVariable", "ZL_KEY"),
                containsString("class=\"error\""));
        assertThat(
                post(configurer, idCheck, "value", DEFAULT_PASSWORD_VARIABLE, "accessKeyPasswordVariable", ""),
                containsString("class=\"error\""));
        assertEquals(SILENT_OK, post(configurer, idCheck, "value", "", "accessKeyPasswordVariable", ""));
        assertEquals(
                SILENT_OK,
                post(configurer, passwordCheck, "value", "ZL_SECRET", "accessKeyIdVariable", DEFAULT_ID_VARIABLE));

        assertEquals(SILENT_OK, post(reader, idCheck, "value", "ZL-ID"));
        assertEquals(SILENT_OK, post(reader, passwordCheck, "value", "ZL_KEY", "accessKeyIdVariable", "ZL_KEY"));

        WebRequest get = new WebRequest(configurer.createCrumbedUrl(idCheck + "?value=ZL-ID"), HttpMethod.GET);
        assertEquals(404, configurer.loadWebResponse(get).getStatusCode());
    }

    private JenkinsRule.WebClient client(String user) throws Exception {
        return r.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
    }

    /** The trimmed answer to a form POST with the given parameter names and values. */
    private static String post(JenkinsRule.WebClient wc, String path, String... nameValues) throws Exception {
        WebRequest request = new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(new NameValuePair(nameValues[i], nameValues[i + 1]));
        }
        request.setRequestParameters(parameters);
        WebResponse response = wc.loadWebResponse(request);
        assertEquals(200, response.getStatusCode(), path);
        return response.getContentAsString().trim();
    }
}
