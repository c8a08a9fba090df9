package io.jenkins.plugins.zenlayer.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.config.ResultOverride;
import io.jenkins.plugins.zenlayer.config.ZenlayerGlobalConfiguration;
import java.util.List;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;

class BandwidthDowngradeStatusStepITest extends AbstractZenlayerITest {

    private static final String STATUS = "zenlayerBandwidthDowngradeStatus";

    private static String read(String arguments) {
        return "def s = " + STATUS + "(" + arguments + ")\n"
                + "echo \"pending=${s.downgradePending} current=${s.currentBandwidthMbps}"
                + " target=${s.targetBandwidthMbps} status=${s.status} name=${s.instanceName}"
                + " rid=${s.requestId} result=${s.result}\"\n";
    }

    private static String defaultRead() {
        return read("instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "'");
    }

    @Test
    void readsThePendingDowngradeOutsideAnyNodeAndChangesNothing() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);

        WorkflowRun b = build(pipeline("outside-node", defaultRead()), Result.SUCCESS);

        String requestId = onlyExchange().requestId();
        assertEquals(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS, onlyExchange().action());
        r.assertLogContains(
                "pending=true current=100 target=50 status=WaitToEnable name=fake-" + INSTANCE + " rid=" + requestId
                        + " result=SUCCESS",
                b);
        r.assertLogContains("a bandwidth downgrade is pending. requestId: " + requestId, b);
        assertEquals(0, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertTrue(server.pendingDowngrade(INSTANCE));
        ZenlayerCall call = onlyCall(b);
        assertEquals(ZenlayerCall.Purpose.STATUS, call.purpose());
        assertEquals(Boolean.TRUE, call.getBandwidth().getDowngradePending());
    }

    @Test
    void readsInsideANodeWithTheGlobalCredentials() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        ZenlayerGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);

        WorkflowRun b = build(
                pipeline("inside-node", "node {\n" + read("instanceId: '" + INSTANCE + "'") + "}\n"), Result.SUCCESS);

        r.assertLogContains("pending=false current=100 target=null status=Enable", b);
    }

    @Test
    void seesTheSequencePendingCancelledNothingPending() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        String args = "instanceId: '" + INSTANCE + "', credentialsId: '" + CREDENTIALS_ID + "'";
        String script = "def before = " + STATUS + "(" + args + ")\n"
                + "if (before.downgradePending) { zenlayerCancelBandwidthDowngrade(" + args + ") }\n"
                + "def after = " + STATUS + "(" + args + ")\n"
                + "echo \"before=${before.downgradePending} after=${after.downgradePending}\"\n";

        WorkflowRun b = build(pipeline("sequence", script), Result.SUCCESS);

        r.assertLogContains("before=true after=false", b);
        assertEquals(2, server.requestCount(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS));
        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION));
        assertEquals(3, b.getAction(ZenlayerCallsAction.class).getCalls().size());
    }

    @Test
    void anUnknownInstanceFailsTheBuildByDefault() throws Exception {
        WorkflowRun b = build(
                pipeline(
                        "unknown",
                        read("instanceId: 'bmc-does-not-exist', credentialsId: '" + CREDENTIALS_ID + "'")
                                + "echo 'not reached'\n"),
                Result.FAILURE);

        r.assertLogContains(INSTANCE_NOT_FOUND, b);
        r.assertLogContains(onlyExchange().requestId(), b);
        r.assertLogNotContains("not reached", b);
    }

    @Test
    void anOverrideAppliesToTheStatusReadToo() throws Exception {
        WorkflowRun b = build(
                pipeline(
                        "override",
                        read("instanceId: 'bmc-gone', credentialsId: '" + CREDENTIALS_ID
                                + "', resultOverrides: [resultOverride(code: '" + INSTANCE_NOT_FOUND
                                + "', result: 'UNSTABLE')]")),
                Result.UNSTABLE);

        r.assertLogContains("pending=null", b);
        r.assertLogContains("result=UNSTABLE", b);
    }

    @Test
    void theRestApiShowsTheReadAsSuchAtTheDefaultDepth() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        WorkflowRun b = build(pipeline("rest", defaultRead()), Result.SUCCESS);

        JenkinsRule.WebClient wc = r.createWebClient();
        WebResponse json =
                wc.loadWebResponse(new WebRequest(wc.createCrumbedUrl("job/rest/" + b.getNumber() + "/api/json")));

        String body = json.getContentAsString();
        assertTrue(body.contains("\"purpose\":\"STATUS\""), body);
        assertTrue(body.contains("\"dryRun\":false"), body);
        assertTrue(body.contains("\"downgradePending\":true"), body);
        assertTrue(body.contains("\"currentBandwidthMbps\":100"), body);
    }

    @Test
    void snippetGeneratorRoundTrip() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        BandwidthDowngradeStatusStep step = new BandwidthDowngradeStatusStep();
        step.setInstanceId(INSTANCE);
        step.setCredentialsId(CREDENTIALS_ID);
        step.setResultOverrides(List.of(new ResultOverride(INSTANCE_NOT_FOUND, "UNSTABLE")));
        String expected = STATUS + " credentialsId: '" + CREDENTIALS_ID + "', instanceId: '" + INSTANCE
                + "', resultOverrides: [resultOverride(code: '" + INSTANCE_NOT_FOUND + "', result: 'UNSTABLE')]";

        assertEquals(expected, Snippetizer.object2Groovy(step));

        assertEquals(
                expected,
                generateSnippet(
                        BandwidthDowngradeStatusStep.class,
                        "\"instanceId\": \"" + INSTANCE + "\", \"credentialsId\": \"" + CREDENTIALS_ID + "\", "
                                + "\"resultOverrides\": [{\"code\": \"" + INSTANCE_NOT_FOUND
                                + "\", \"result\": \"UNSTABLE\"}]"));

        build(pipeline("generated", expected + "\n"), Result.SUCCESS);
        assertEquals(FakeZenlayerServer.DESCRIBE_INTERNET_STATUS, onlyExchange().action());
    }
}
