package io.jenkins.plugins.zenlayer.config;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Loads the configuration, checks it, applies it again through the Configuration as Code page, restarts Jenkins with
 * it as {@code jenkins.yaml} and checks it once more.
 */
class ZenlayerConfigurationAsCodeRoundTripITest extends AbstractRoundTripTest {

    @Override
    protected String configResource() {
        return ZenlayerConfigurationAsCodeITest.CONFIG;
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        ZenlayerConfigurationAsCodeITest.assertConfigured();
    }

    @Override
    protected String stringInLogExpected() {
        return ".endpoint = " + ZenlayerConfigurationAsCodeITest.ENDPOINT;
    }
}
