package io.jenkins.plugins.zenlayer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import org.junit.jupiter.api.Test;

/**
 * A YAML file with a value the plugin cannot use fails at startup, naming the attribute, instead of being accepted and
 * failing every build later.
 */
@WithJenkinsConfiguredWithCode
class InvalidConfigurationAsCodeITest {

    /** Stapler would read "many" as 0 for an int; the plugin's setter takes Integer and refuses it. */
    @Test
    @ConfiguredWithCode(
            value = "configuration-as-code-retries-not-a-number.yml",
            expected = ConfiguratorException.class,
            message = "maxRetries")
    void aNumberThatIsNotANumberIsRefusedNamingTheAttribute(JenkinsConfiguredWithCodeRule j) {
        assertEquals(
                ZenlayerGlobalConfiguration.DEFAULT_MAX_RETRIES,
                ZenlayerGlobalConfiguration.get().getMaxRetries());
    }

    @Test
    @ConfiguredWithCode(
            value = "configuration-as-code-plain-http.yml",
            expected = ConfiguratorException.class,
            message = "endpoint")
    void anEndpointTheClientWouldRefuseIsRefusedAtStartup(JenkinsConfiguredWithCodeRule j) {
        assertEquals(
                ZenlayerClientConfig.DEFAULT_ENDPOINT,
                ZenlayerGlobalConfiguration.get().getEndpoint());
    }
}
