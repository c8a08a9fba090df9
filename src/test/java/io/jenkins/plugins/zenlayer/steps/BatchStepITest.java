package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        // Recorded as each call completes; the returned map keeps the order given.
        assertThat(callsOf(b).stream().map(ZenlayerCall::getInstanceId).toList(), containsInAnyOrder(A, B, C));
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

        r.assertLogContains("Give one of instanceId (one instance), instanceIds (a list) or select", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void tooManyInstancesAreRefusedBeforeAnythingIsSent() throws Exception {
        // Built in the script: CPS refuses list literals of more than 250 elements before the step runs.
        WorkflowRun b = build(
                pipeline(
                        "many",
                        "def ids = []\nfor (int i = 0; i < 1001; i++) { ids.add('bmc-many-' + i) }\n"
                                + "zenlayerCancelBandwidthDowngrade(instanceIds: ids, credentialsId: '"
                                + CREDENTIALS_ID + "')\n"),
                Result.FAILURE);

        r.assertLogContains("at most 1,000", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void abortingABatchStopsTheCallsInFlightAndSaysWhatNeverStarted() throws Exception {
        ZenlayerGlobalConfiguration.get().setCallTimeoutSeconds(300);
        StringBuilder script = new StringBuilder("zenlayerCancelBandwidthDowngrade(credentialsId: '" + CREDENTIALS_ID
                + "', concurrency: 2, instanceIds: [");
        for (int i = 1; i <= 8; i++) {
            String id = "bmc-slow-" + i;
            server.addInstance(id, InternetChargeType.BY_BANDWIDTH, true);
            script.append(i == 1 ? "'" : ", '").append(id).append('\'');
        }
        script.append("])\n");
        // Long enough to abort in flight, short enough for the fake server to close within its own wait.
        server.latency(Duration.ofSeconds(4), Duration.ofSeconds(4));
        WorkflowJob p = pipeline("abort-batch", script.toString());

        assertTrue(p.scheduleBuild(0, new Cause.UserIdCause()));
        assertTrue(server.awaitRequestCount(2, Duration.ofSeconds(60)), "two calls in flight");
        WorkflowRun b = p.getLastBuild();
        long abortedAt = System.nanoTime();
        b.doStop();
        r.waitForCompletion(b);

        assertThat(Duration.ofNanos(System.nanoTime() - abortedAt), lessThan(Duration.ofSeconds(3)));
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
        assertThat(callsOf(b).stream().map(ZenlayerCall::getInstanceId).toList(), containsInAnyOrder(A, B));
    }

    @Test
    void anEntryThatIsAnUnsetVariableIsNamedBeforeAnythingIsSent() throws Exception {
        WorkflowRun b = build(
                pipeline(
                        "unset",
                        "zenlayerCancelBandwidthDowngrade(credentialsId: '" + CREDENTIALS_ID + "', instanceIds: ['" + A
                                + "', env.ZENLAYER_NOT_SET])\n"),
                Result.FAILURE);

        r.assertLogContains("Instance ID 2: ", b);
        r.assertLogNotContains("NullPointerException", b);
        assertEquals(0, server.requestCount());
    }

    @Test
    void eachCallIsSavedWithTheBuildWithinASecondOfBeingDone() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, true);
        server.latency(Duration.ofSeconds(4), Duration.ofSeconds(4));
        WorkflowJob p = pipeline(
                "saved",
                "zenlayerCancelBandwidthDowngrade(credentialsId: '" + CREDENTIALS_ID + "', concurrency: 1,"
                        + " instanceIds: ['" + A + "', '" + B + "'])\n");

        assertTrue(p.scheduleBuild(0, new Cause.UserIdCause()));
        assertTrue(server.awaitRequestCount(2, Duration.ofSeconds(60)), "the second call started");
        WorkflowRun b = p.getLastBuild();
        // The first call is done and the second in flight for about 4 s: what a hard restart would find on disk.
        Path buildXml = b.getRootDir().toPath().resolve("build.xml");
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        String saved = Files.readString(buildXml);
        while (!saved.contains("<instanceId>" + A + "</instanceId>") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            saved = Files.readString(buildXml);
        }
        assertTrue(saved.contains("<instanceId>" + A + "</instanceId>"), saved);
        assertFalse(saved.contains("<instanceId>" + B + "</instanceId>"), saved);
        r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
    }

    @Test
    void theSnippetGeneratorProducesABatchAndChecksItsFields() throws Exception {
        server.addInstance(A, InternetChargeType.BY_BANDWIDTH, true)
                .addInstance(B, InternetChargeType.BY_BANDWIDTH, true);
        String expected = "zenlayerCancelBandwidthDowngrade concurrency: 2, credentialsId: '" + CREDENTIALS_ID
                + "', instanceIds: ['" + A + "', '" + B + "']";

        assertEquals(
                expected,
                generateSnippet(
                        CancelBandwidthDowngradeStep.class,
                        "\"instanceId\": \"\", \"instanceIds\": \"" + A + "\\n\\n " + B
                                + "\\n\", \"concurrency\": \"2\"," + " \"credentialsId\": \"" + CREDENTIALS_ID + "\""));
        build(pipeline("generated-batch", expected + "\n"), Result.SUCCESS);
        assertEquals(2, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));

        CancelBandwidthDowngradeStep.DescriptorImpl descriptor =
                ExtensionList.lookupSingleton(CancelBandwidthDowngradeStep.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckConcurrency(null, "6").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckConcurrency(null, "").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckInstanceIds(null, A + "\nbad id").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckInstanceIds(null, A + "\n" + B).kind);
    }

    @Test
    void thePipelineStepsViewShowsTheInstances() throws Exception {
        CancelBandwidthDowngradeStep.DescriptorImpl descriptor =
                ExtensionList.lookupSingleton(CancelBandwidthDowngradeStep.DescriptorImpl.class);

        assertEquals(A, descriptor.argumentsToString(Map.of("instanceId", A, "credentialsId", CREDENTIALS_ID)));
        assertEquals(
                "2 instance IDs.",
                descriptor.argumentsToString(Map.of("instanceIds", List.of(A, B), "concurrency", 2)));
    }

    /** The whole log of a build. */
    private static final class JenkinsRuleLog {
        static String of(hudson.model.Run<?, ?> build) throws java.io.IOException {
            return org.jvnet.hudson.test.JenkinsRule.getLog(build);
        }
    }
}
