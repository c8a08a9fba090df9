package io.jenkins.plugins.zenlayer.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;

/** What Pipeline and the REST API see of the freestyle build step, and how it reads a saved job. */
class PipelineEntryPointITest extends AbstractZenlayerITest {

    @Test
    void theSnippetGeneratorOffersOneEntryForTheAction() {
        // The Snippet Generator itself: Declarative's Directive Generator is a subclass of it.
        Snippetizer snippetizer = ExtensionList.lookup(Snippetizer.class).get(Snippetizer.class);
        List<String> entries = snippetizer.getQuasiDescriptors(false).stream()
                .filter(q -> q.real instanceof CancelBandwidthDowngradeStep.DescriptorImpl
                        || q.real instanceof CancelBandwidthDowngradeBuilder.DescriptorImpl)
                .map(Snippetizer.QuasiDescriptor::getSymbol)
                .toList();

        assertThat(entries, contains(FUNCTION));
    }

    @Test
    void aJobSavedWithTheBuildStepStillLoadsAndRuns() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, false);
        String saved = "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<project>\n"
                + "  <builders>\n"
                + "    <io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder plugin=\"zenlayer-cloud@1.0\">\n"
                + "      <instanceId>" + INSTANCE + "</instanceId>\n"
                + "      <credentialsId>" + CREDENTIALS_ID + "</credentialsId>\n"
                + "      <resultOverrides>\n"
                + "        <io.jenkins.plugins.zenlayer.config.ResultOverride>\n"
                + "          <code>" + NO_PENDING_DOWNGRADE + "</code>\n"
                + "          <result>SUCCESS</result>\n"
                + "        </io.jenkins.plugins.zenlayer.config.ResultOverride>\n"
                + "      </resultOverrides>\n"
                + "    </io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder>\n"
                + "  </builders>\n"
                + "  <publishers/>\n"
                + "  <buildWrappers/>\n"
                + "</project>\n";

        FreeStyleProject job = (FreeStyleProject) r.jenkins.createProjectFromXML(
                "saved-before", new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8)));

        // SUCCESS although there was no pending downgrade: the saved override was read, and the call used the saved
        // instance and credential.
        FreeStyleBuild b = build(job, Result.SUCCESS);
        r.assertLogContains(onlyRequestId(NO_PENDING_DOWNGRADE), b);
        r.assertLogContains(CREDENTIALS_ID, b);
        assertThat(onlyExchange().body(), containsString(INSTANCE));
    }

    @Test
    void theBuildsCallsAreInItsRestApiWithoutSecrets() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        FreeStyleProject job = r.createFreeStyleProject("rest");
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId(CREDENTIALS_ID);
        job.getBuildersList().add(builder);
        CaptureEnvironmentBuilder capture = new CaptureEnvironmentBuilder();
        job.getBuildersList().add(capture);

        FreeStyleBuild b = build(job, Result.SUCCESS);
        String requestId = onlyExchange().requestId();
        // The real EnvVars ignores the case of names, as later build steps on every platform see them.
        assertEquals(requestId, capture.getEnvVars().get("zenlayer_request_id"));

        String json = r.createWebClient()
                .goTo("job/rest/1/api/json", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(json, not(containsString(ACCESS_KEY_PASSWORD)));
        JSONObject call = null;
        for (Object action : JSONObject.fromObject(json).getJSONArray("actions")) {
            JSONObject a = (JSONObject) action;
            if (ZenlayerCallsAction.class.getName().equals(a.optString("_class"))) {
                JSONArray calls = a.getJSONArray("calls");
                assertEquals(1, calls.size());
                call = calls.getJSONObject(0);
            }
        }
        assertEquals(INSTANCE, call.getString("instanceId"));
        assertEquals(requestId, call.getString("requestId"));
        assertEquals("SUCCESS", call.getString("result"));
        assertEquals("CancelInstanceBandwidthDowngrade", call.getString("action"));
        assertThat(call.getString("time"), containsString("T"));
        r.assertLogContains(requestId, b);
    }
}
