package io.jenkins.plugins.zenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Exchange;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerAccessKeyImpl;
import io.jenkins.plugins.zenlayer.steps.ZenlayerCall;
import io.jenkins.plugins.zenlayer.steps.ZenlayerCallsAction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Common fixture of the Jenkins integration tests: a Jenkins whose global Zenlayer configuration points at a fake
 * Zenlayer server on the loopback interface, with one access key known to both sides and stored as Jenkins
 * credentials.
 */
@WithJenkins
public abstract class AbstractZenlayerITest {

    protected static final String FUNCTION = "zenlayerCancelBandwidthDowngrade";
    protected static final String CREDENTIALS_ID = "zenlayer-key";
    protected static final String ACCESS_KEY_ID = "ZLAKITEST000000000001";
    protected static final String ACCESS_KEY_PASSWORD = "zl-itest-password-7c1e9a04b2";
    protected static final String INSTANCE = "bmc-itest-0001";
    protected static final String NO_PENDING_DOWNGRADE = "OPERATION_DENIED_DOWNGRADE_NOT_EXIST";
    protected static final String INSTANCE_NOT_FOUND = "INVALID_INSTANCE_NOT_FOUND";

    protected JenkinsRule r;
    protected FakeZenlayerServer server;

    @BeforeEach
    protected void startJenkinsAndFakeServer(JenkinsRule rule) throws Exception {
        r = rule;
        server = new FakeZenlayerServer().start();
        server.addAccessKey(ACCESS_KEY_ID, ACCESS_KEY_PASSWORD);
        ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
        config.setEndpoint(server.endpoint());
        config.setMaxRetries(0);
        addCredentials(accessKey(CREDENTIALS_ID, ACCESS_KEY_ID, ACCESS_KEY_PASSWORD));
    }

    @AfterEach
    protected void stopFakeServer() {
        if (server != null) {
            server.close();
        }
    }

    protected static ZenlayerAccessKeyImpl accessKey(String id, String accessKeyId, String password) {
        return new ZenlayerAccessKeyImpl(
                CredentialsScope.GLOBAL, id, "Zenlayer access key", accessKeyId, Secret.fromString(password));
    }

    /** Stores credentials in the global domain of the Jenkins credentials store ({@code credentials.xml}). */
    protected static void addCredentials(Credentials credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** The only request the fake server received, with its answer. */
    protected Exchange onlyExchange() {
        List<Exchange> exchanges = server.exchanges();
        assertEquals(1, exchanges.size(), "requests received by the fake Zenlayer server");
        return exchanges.get(0);
    }

    /** The request id of the only call, as the fake server sent it; asserts it was answered with {@code code}. */
    protected String onlyRequestId(String code) {
        Exchange exchange = onlyExchange();
        assertEquals(FakeZenlayerServer.CANCEL_ACTION, exchange.action());
        assertEquals(code, exchange.code());
        assertNotNull(exchange.requestId());
        return exchange.requestId();
    }

    /** Blocks until the fake server has received the call, so that it is known to be in flight. */
    protected void awaitCallInFlight() throws InterruptedException {
        assertTrue(server.awaitRequestCount(1, Duration.ofSeconds(60)), "the call reached the fake server");
    }

    /** The calls the build recorded; asserts there is exactly one. */
    protected static ZenlayerCall onlyCall(Run<?, ?> build) {
        ZenlayerCallsAction action = build.getAction(ZenlayerCallsAction.class);
        assertNotNull(action, "the build records its Zenlayer calls");
        assertEquals(1, action.getCalls().size());
        return action.getCalls().get(0);
    }

    /**
     * What the Snippet Generator makes of a submitted form of {@code stepClass}: the form's fields as JSON object
     * members, for example {@code "instanceId": "i-1"}.
     */
    protected String generateSnippet(Class<?> stepClass, String jsonFields) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(wc.createCrumbedUrl("pipeline-syntax/generateSnippet"), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("json", "{\"stapler-class\": \"" + stepClass.getName() + "\", " + jsonFields + "}")));
        WebResponse response = wc.loadWebResponse(request);
        assertEquals(200, response.getStatusCode());
        return response.getContentAsString().trim();
    }

    protected WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Builds the job and waits for the build to finish with {@code expected}. */
    protected WorkflowRun build(WorkflowJob job, Result expected) throws Exception {
        assertTrue(job.scheduleBuild(0, new Cause.UserIdCause()), "the build was scheduled");
        r.waitUntilNoActivity();
        return r.assertBuildStatus(expected, job.getLastBuild());
    }

    /** Builds the job with {@code actions} (such as parameters) and waits for it to finish with {@code expected}. */
    protected FreeStyleBuild build(FreeStyleProject job, Result expected, Action... actions) throws Exception {
        assertTrue(job.scheduleBuild(0, new Cause.UserIdCause(), actions), "the build was scheduled");
        r.waitUntilNoActivity();
        return r.assertBuildStatus(expected, job.getLastBuild());
    }
}
