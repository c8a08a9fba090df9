package io.jenkins.plugins.zenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZenlayerClientsTest {

    @Test
    void userAgentNamesThePluginAndItsVersion() {
        assertEquals("zenlayer-cloud-jenkins-plugin/123.vabc", ZenlayerClients.userAgent("123.vabc"));
    }

    @Test
    void withoutAVersionTheUserAgentSaysDev() {
        assertEquals("zenlayer-cloud-jenkins-plugin/dev", ZenlayerClients.userAgent(null));
        assertEquals("zenlayer-cloud-jenkins-plugin/dev", ZenlayerClients.userAgent("  "));
    }

    @Test
    void versionsAreReducedToHeaderSafeCharacters() {
        assertEquals(
                "zenlayer-cloud-jenkins-plugin/1.0-SNAPSHOT--private-",
                ZenlayerClients.userAgent("1.0-SNAPSHOT (private)"));
    }
}
