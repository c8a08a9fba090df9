package io.jenkins.plugins.zenlayer.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.Fault;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerAccessKeyImpl;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Jenkins restarts while the step waits for Zenlayer's answer. The step cannot pick the HTTP call up again, so after
 * the restart it must end with a result, and it must not send the cancellation a second time.
 */
class RestartDuringCallITest {

    private static final String INSTANCE = "bmc-restart-0001";
    private static final String KEY_ID = "ZLAKRESTART000000001";
    private static final String PASSWORD = "zl-restart-password-5d2f";

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Outlives the restart, as the real Zenlayer API would. */
    private FakeZenlayerServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeZenlayerServer().start();
        server.addAccessKey(KEY_ID, PASSWORD).addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRestartDuringTheCallEndsTheStepWithoutSendingItAgain() throws Throwable {
        sessions.then(r -> {
            ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
            config.setEndpoint(server.endpoint());
            config.setMaxRetries(3);
            SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
            store.getCredentials()
                    .add(new ZenlayerAccessKeyImpl(
                            CredentialsScope.GLOBAL, "key", null, KEY_ID, Secret.fromString(PASSWORD)));
            store.save();
            server.enqueueFault(Fault.delay(Duration.ofSeconds(30)));
            WorkflowJob job = r.createProject(WorkflowJob.class, "restarted");
            job.setDefinition(new CpsFlowDefinition(
                    "zenlayerCancelBandwidthDowngrade(instanceId: '" + INSTANCE + "', credentialsId: 'key')\n", true));
            assertTrue(job.scheduleBuild(0, new Cause.UserIdCause()));
            assertTrue(server.awaitRequestCount(1, Duration.ofSeconds(60)), "the call reached Zenlayer");
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("restarted", WorkflowJob.class);
            assertNotNull(job);
            WorkflowRun b = r.waitForCompletion(job.getLastBuild());
            assertEquals(Result.FAILURE, b.getResult());
            assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "the cancellation was sent once");
        });
    }
}
