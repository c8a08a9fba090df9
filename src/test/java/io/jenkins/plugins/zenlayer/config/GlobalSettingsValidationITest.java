package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.util.FormValidation;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** One rule per setting: what the form check refuses, the save and the setters refuse too, with the same words. */
@WithJenkins
class GlobalSettingsValidationITest {

    private JenkinsRule r;
    private ZenlayerGlobalConfiguration config;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
        config = ZenlayerGlobalConfiguration.get();
    }

    @Test
    void savingTheFormWithAnInvalidValueIsRefusedNamingTheProblem() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.maxRetries").setValue("many");

        HtmlPage answer = r.submit(form);

        assertEquals(400, answer.getWebResponse().getStatusCode());
        assertThat(
                answer.asNormalizedText(), containsString("The number of retries must be a whole number from 0 to 9"));
        assertEquals(ZenlayerGlobalConfiguration.DEFAULT_MAX_RETRIES, config.getMaxRetries());
    }

    @Test
    void savingTheFormWithAnEndpointTheClientRefusesIsRefused() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.endpoint").setValue("http://console.zenlayer.com");

        HtmlPage answer = r.submit(form);

        assertEquals(400, answer.getWebResponse().getStatusCode());
        assertThat(answer.asNormalizedText(), containsString("loopback"));
        assertEquals(ZenlayerClientConfig.DEFAULT_ENDPOINT, config.getEndpoint());
    }

    @Test
    void settersRefuseWhatTheFormCheckRefusesWithTheSameWords() {
        String endpoint = "http://console.zenlayer.com";
        FormValidation check = config.doCheckEndpoint(endpoint);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.setEndpoint(endpoint));
        // Outside a request renderHtml() gives the bare message: the kind says it is an error.
        assertEquals(FormValidation.Kind.ERROR, check.kind);
        assertThat(check.getMessage(), containsString("loopback"));
        assertThat(e.getMessage(), containsString("loopback"));

        assertThrows(IllegalArgumentException.class, () -> config.setApiVersion("latest"));
        assertThrows(IllegalArgumentException.class, () -> config.setMaxRetries(null));
        assertThrows(IllegalArgumentException.class, () -> config.setMaxRetries(10));
        assertThrows(IllegalArgumentException.class, () -> config.setConnectTimeoutSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> config.setCallTimeoutSeconds(601));
        assertThrows(
                IllegalArgumentException.class,
                () -> config.setResultOverrides(List.of(new ResultOverride("not a code", "MAYBE"))));

        assertEquals(ZenlayerClientConfig.DEFAULT_ENDPOINT, config.getEndpoint());
        assertEquals(ZenlayerGlobalConfiguration.DEFAULT_MAX_RETRIES, config.getMaxRetries());
        assertEquals(List.of(), config.getResultOverrides());
    }
}
