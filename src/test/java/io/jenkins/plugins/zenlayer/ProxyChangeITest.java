package io.jenkins.plugins.zenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.ProxyConfiguration;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The proxy settings in force decide how the next call connects, however they were changed: here they are assigned
 * as Configuration as Code and scripts do, without a save, and removed again. A keep-alive connection opened under the
 * old settings is not used again.
 */
class ProxyChangeITest extends AbstractZenlayerITest {

    @Test
    void theNextCallFollowsTheProxySettingsInForceWithoutASave() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        FreeStyleProject job = r.createFreeStyleProject("proxy-change");
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId(CREDENTIALS_ID);
        job.getBuildersList().add(builder);
        build(job, Result.SUCCESS);
        assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "direct call before the change");

        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"requestId\":\"T-THROUGH-PROXY\",\"response\":{\"requestId\":\"T-THROUGH-PROXY\"}}")
                    .build());
            proxy.start();

            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.getPort()));
            FreeStyleBuild throughProxy = build(job, Result.SUCCESS);

            r.assertLogContains("T-THROUGH-PROXY", throughProxy);
            RecordedRequest sent = proxy.takeRequest();
            assertEquals(server.endpoint() + "/api/v2/bmc", sent.getUrl().toString());
            assertEquals(1, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "nothing went around the proxy");

            r.jenkins.setProxy(null);
            build(job, Result.UNSTABLE); // no downgrade pending any more
            assertEquals(1, proxy.getRequestCount(), "nothing went through the removed proxy");
            assertEquals(2, server.requestCount(FakeZenlayerServer.CANCEL_ACTION), "direct again after the removal");
        }
    }
}
