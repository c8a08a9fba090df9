package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;

/**
 * What only a running Jenkins can show: credentials with real secrets.
 */
class ZenlayerCredentialsITest extends AbstractZenlayerITest {

    private static final String PASSWORD = "s3cr3t-Password";

    @Test
    void accessKeyBecomesASignedAccessKey() {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve("zl", accessKey("zl", "AKID123", PASSWORD));
        assertNull(res.problem());
        ZenlayerAuth.AccessKey auth = (ZenlayerAuth.AccessKey) res.auth();
        assertEquals("AKID123", auth.accessKeyId());
        assertThat(auth.toString(), not(containsString(PASSWORD)));
    }

    @Test
    void usernamePasswordIsReadAsAccessKeyIdAndPassword() throws Exception {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve(
                "up", new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "up", "", "AKID456", PASSWORD));
        assertThat(res.auth(), instanceOf(ZenlayerAuth.AccessKey.class));
        assertEquals("AKID456", ((ZenlayerAuth.AccessKey) res.auth()).accessKeyId());
    }

    @Test
    void secretTextIsABearerToken() {
        ZenlayerCredentials.Resolution res = ZenlayerCredentials.resolve(
                "token", new StringCredentialsImpl(CredentialsScope.GLOBAL, "token", "", Secret.fromString("tok-1")));
        assertThat(res.auth(), instanceOf(ZenlayerAuth.BearerToken.class));
    }

    @Test
    void blankValuesAreReportedWithoutTheSecret() {
        ZenlayerCredentials.Resolution blankId = ZenlayerCredentials.resolve("k", accessKey("k", "  ", PASSWORD));
        assertThat(blankId.problem(), allOf(containsString("\"k\""), not(containsString(PASSWORD))));

        ZenlayerCredentials.Resolution badPassword =
                ZenlayerCredentials.resolve("k", accessKey("k", "AKID", "has space " + PASSWORD));
        assertThat(badPassword.problem(), not(containsString(PASSWORD)));
        assertNull(badPassword.auth());
    }

    @Test
    void toAuthRejectsBlankTokens() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ZenlayerCredentials.toAuth(
                        new StringCredentialsImpl(CredentialsScope.GLOBAL, "t", "", Secret.fromString(" "))));
    }
}
