package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/** Several instances in one step, in Pipeline and freestyle. */
class BatchStepITest extends AbstractZenlayerITest {

    private static final String A = "bmc-batch-a";
    private static final String B = "bmc-batch-b";
    private static final String C = "bmc-batch-c";
    private static final String MISSING = "bmc-batch-missing";

    private static String batchCall(String... ids) {
        StringBuilder list = new StringBuilder();
        for (String id : ids) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(id).append('\'');
        }
        return "def r = zenlayerCancelBandwidthDowngrade(instanceIds: [" + list + "], credentialsId: '"
                + CREDENTIALS_ID + "')\n"
                + "echo \"result=${r.result} instances=${r.instances.size()} duplicates=${r.duplicates}"
                + " first=${r.instances[0].instanceId}/${r.instances[0].result}\"\n";
    }

    private List<ZenlayerCall> callsOf(hudson.model.Run<?, ?> build) {
        return build.getAction(ZenlayerCallsAction.class).getCalls();
    }

    @Test
    void aPipelineBatchCancelsEachDistinctInstanceOnceAndReturnsAMapPerInstance() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(C, InternetChargeType.BY_BANDWIDTH, true);

        WorkflowRun b = build(pipeline("batch", batchCall(A, B, A, C)), Result.SUCCESS);

        r.assertLogContains("result=SUCCESS instances=3 duplicates=1 first=" + A + "/SUCCESS", b);
        r.assertLogContains("[Zenlayer] [" + B + "] Attempt 1", b);
        assertEquals(3, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertFalse(server.pendingDowngrade(A) || server.pendingDowngrade(B) || server.pendingDowngrade(C));
        assertEquals(
                List.of(A, B, C),
                callsOf(b).stream().map(ZenlayerCall::getInstanceId).toList());
    }

    @Test
    void aFailureFailsTheBuildOnlyAfterEveryInstanceNamingTheFailedOnes() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, false);

        WorkflowRun b = build(pipeline("partial", batchCall(A, MISSING, B)), Result.FAILURE);

        assertEquals(3, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "every instance was tried");
        assertFalse(server.pendingDowngrade(A));
        r.assertLogContains("failed for 1 of 3 instances: " + MISSING, b);
        r.assertLogContains(INSTANCE_NOT_FOUND, b);
        assertEquals(3, callsOf(b).size());
    }

    @Test
    void anUnstableInstanceMarksTheBuildOnce() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, false);

        WorkflowRun b = build(pipeline("unstable", batchCall(A, B)), Result.UNSTABLE);

        r.assertLogContains("result=UNSTABLE instances=2", b);
        String log = JenkinsRuleLog.of(b);
        assertEquals(1, log.split("WARNING: ", -1).length - 1, "one warning for the step");
    }

    @Test
    void oneInstanceAndAListAtOnceIsRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = build(
                pipeline(
                        "both",
                        "zenlayerCancelBandwidthDowngrade(instanceId: '" + A + "', instanceIds: ['" + B + "'])\n"),
                Result.FAILURE);

        r.assertLogContains("either instanceId", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void tooManyInstancesAreRefusedBeforeAnythingIsSent() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            ids.append(i == 0 ? "" : ", ").append("'bmc-many-").append(i).append('\'');
        }
        WorkflowRun b = build(
                pipeline("many", "zenlayerCancelBandwidthDowngrade(instanceIds: [" + ids + "])\n"), Result.FAILURE);

        r.assertLogContains("at most 500", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void abortingABatchStopsTheCallsInFlightAndSaysWhatNeverStarted() throws Exception {
        ZenlayerGlobalConfiguration.get().setCallTimeoutSeconds(300);
        StringBuilder script = new StringBuilder("zenlayerCancelBandwidthDowngrade(concurrency: 2, instanceIds: [");
        for (int i = 1; i <= 8; i++) {
            String id = "bmc-slow-" + i;
            server.addInstance(id, InternetChargeType.BY_BANDWIDTH, true);
            script.append(i == 1 ? "'" : ", '").append(id).append('\'');
        }
        script.append("])\n");
        server.latency(Duration.ofSeconds(10), Duration.ofSeconds(10));
        WorkflowJob p = pipeline("abort-batch", script.toString());

        assertTrue(p.scheduleBuild(0, new Cause.UserIdCause()));
        assertTrue(server.awaitRequestCount(2, Duration.ofSeconds(60)), "two calls in flight");
        WorkflowRun b = p.getLastBuild();
        long abortedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);

        assertThat(Duration.ofNanos(System.nanoTime() - abortedAt), lessThan(Duration.ofSeconds(15)));
        r.assertBuildStatus(Result.ABORTED, b);
        r.assertLogContains("Cancelled while in flight (the request may have reached Zenlayer): 2", b);
        r.assertLogContains("Never started: 6", b);
        assertEquals(2, server.requestCount());
    }

    @Test
    void aFreestyleStepTakesOneInstanceIdPerLine() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, true);
        FreeStyleProject job = r.createFreeStyleProject("lines");
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("SECOND", B)));
        CancelBandwidthDowngradeBuilder builder =
                new CancelBandwidthDowngradeBuilder(A + "\n\n  ${SECOND}\n" + A + "\n");
        builder.setCredentialsId(CREDENTIALS_ID);
        job.getBuildersList().add(builder);

        FreeStyleBuild b = build(job, Result.SUCCESS, new ParametersAction(new StringParameterValue("SECOND", B)));

        assertEquals(2, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        r.assertLogContains("Instance " + A + " is listed again at position 3", b);
        r.assertLogContains("2 instances: 2 succeeded", b);
        assertEquals(
                List.of(A, B),
                callsOf(b).stream().map(ZenlayerCall::getInstanceId).toList());
    }

    /** The whole log of a build. */
    private static final class JenkinsRuleLog {
        static String of(hudson.model.Run<?, ?> build) throws java.io.IOException {
            return org.jvnet.hudson.test.JenkinsRule.getLog(build);
        }
    }
}
