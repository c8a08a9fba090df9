package io.jenkins.plugins.zenlayer.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.zenlayer.credentials.ZenlayerAccessKeyImpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

@WithJenkinsConfiguredWithCode
class ZenlayerConfigurationAsCodeITest {

    static final String CONFIG = "configuration-as-code.yml";
    static final String KEY_ID = "zenlayer-casc";
    static final String ACCESS_KEY_ID = "ZLAKCASC000000000001";
    static final String PASSWORD = "zl-casc-password-93b1c7e5";
    static final String ENDPOINT = "https://casc.zenlayer.example";
    static final List<ResultOverride> OVERRIDES = List.of(
            new ResultOverride("OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "SUCCESS"),
            new ResultOverride("INVALID_INSTANCE_NOT_FOUND", "UNSTABLE"));

    /** Checks what {@link #CONFIG} sets up; shared with the round-trip test. */
    static void assertConfigured() {
        ZenlayerGlobalConfiguration config = ZenlayerGlobalConfiguration.get();
        assertEquals(KEY_ID, config.getCredentialsId());
        assertEquals(ENDPOINT, config.getEndpoint());
        assertEquals("2022-11-20", config.getApiVersion());
        assertEquals(12, config.getConnectTimeoutSeconds());
        assertEquals(90, config.getCallTimeoutSeconds());
        assertEquals(5, config.getMaxRetries());
        assertEquals(OVERRIDES, config.getResultOverrides());

        ZenlayerAccessKeyImpl key = null;
        for (Credentials c : SystemCredentialsProvider.getInstance().getCredentials()) {
            if (c instanceof ZenlayerAccessKeyImpl k && k.getId().equals(KEY_ID)) {
                key = k;
            }
        }
        assertNotNull(key, "the access key was created");
        assertEquals(CredentialsScope.GLOBAL, key.getScope());
        assertEquals(ACCESS_KEY_ID, key.getAccessKeyId());
        assertEquals(PASSWORD, key.getAccessKeyPassword().getPlainText());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object node, String key) {
        assertNotNull(node, key);
        Object value = ((Map<String, Object>) node).get(key);
        assertNotNull(value, key);
        return (Map<String, Object>) value;
    }

    @Test
    @ConfiguredWithCode(CONFIG)
    void importsGlobalConfigurationAndAccessKey(JenkinsConfiguredWithCodeRule j) {
        assertConfigured();
    }

    @Test
    @ConfiguredWithCode(CONFIG)
    @SuppressWarnings("unchecked")
    void exportsGlobalConfigurationAndAccessKeyWithEncryptedPassword(JenkinsConfiguredWithCodeRule j) throws Exception {
        String exported = j.exportToString(false);

        assertThat(exported, not(containsString(PASSWORD)));
        Map<String, Object> root = new Yaml().load(exported);

        Map<String, Object> zenlayer = mapping(mapping(root, "unclassified"), "zenlayer");
        assertEquals(KEY_ID, zenlayer.get("credentialsId"));
        assertEquals(ENDPOINT, zenlayer.get("endpoint"));
        assertEquals("2022-11-20", zenlayer.get("apiVersion"));
        assertEquals(12, zenlayer.get("connectTimeoutSeconds"));
        assertEquals(90, zenlayer.get("callTimeoutSeconds"));
        assertEquals(5, zenlayer.get("maxRetries"));
        assertEquals(
                List.of(
                        Map.of("code", "OPERATION_DENIED_DOWNGRADE_NOT_EXIST", "result", "SUCCESS"),
                        Map.of("code", "INVALID_INSTANCE_NOT_FOUND", "result", "UNSTABLE")),
                zenlayer.get("resultOverrides"));

        List<Object> domains =
                (List<Object>) mapping(mapping(root, "credentials"), "system").get("domainCredentials");
        Map<String, Object> key = null;
        for (Object domain : domains) {
            for (Object credentials : (List<Object>) ((Map<String, Object>) domain).get("credentials")) {
                Object candidate = ((Map<String, Object>) credentials).get("zenlayerAccessKey");
                if (candidate != null && KEY_ID.equals(((Map<String, Object>) candidate).get("id"))) {
                    key = (Map<String, Object>) candidate;
                }
            }
        }
        assertNotNull(key, "the access key is exported under its symbol");
        assertEquals(ACCESS_KEY_ID, key.get("accessKeyId"));
        String password = (String) key.get("accessKeyPassword");
        assertThat(password, startsWith("{"));
        assertEquals(PASSWORD, Secret.decrypt(password).getPlainText(), "exported as the encrypted secret");
        assertFalse(exported.contains("FAILED TO EXPORT\n" + ZenlayerGlobalConfiguration.class.getName()));
    }
}
