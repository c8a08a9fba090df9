package io.jenkins.plugins.zenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import io.jenkins.plugins.zenlayer.steps.CancelBandwidthDowngradeBuilder;
import org.junit.jupiter.api.Test;

/** Saving Jenkins' proxy settings closes the connections opened under the old ones. */
class ProxyChangeITest extends AbstractZenlayerITest {

    @Test
    void savingTheProxySettingsClosesThePooledConnections() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        FreeStyleProject job = r.createFreeStyleProject("before-proxy-change");
        CancelBandwidthDowngradeBuilder builder = new CancelBandwidthDowngradeBuilder(INSTANCE);
        builder.setCredentialsId(CREDENTIALS_ID);
        job.getBuildersList().add(builder);
        build(job, Result.SUCCESS);
        // The client is the controller's, shared with earlier tests of this JVM: at least this build's connection.
        assertTrue(ZenlayerClients.pooledConnections() >= 1, "the build left its keep-alive connection");

        // The endpoint is on the loopback interface, which Jenkins never sends through a proxy.
        new ProxyConfiguration("proxy.example", 3128).save();

        assertEquals(0, ZenlayerClients.pooledConnections());
    }
}
