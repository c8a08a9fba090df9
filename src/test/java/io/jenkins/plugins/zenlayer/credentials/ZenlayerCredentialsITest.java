package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Fingerprint;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.AbstractZenlayerITest;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.fake.FakeZenlayerServer.InternetChargeType;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;

/**
 * What only a running Jenkins can show: credentials with real secrets, and usage tracking.
 */
class ZenlayerCredentialsITest extends AbstractZenlayerITest {

    private static final String PASSWORD = "s3cr3t-Password";

    private static String call(String credentialsId) {
        return FUNCTION + " instanceId: '" + INSTANCE + "', credentialsId: '" + credentialsId + "'\n";
    }

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

    @Test
    void aBuildIsRecordedInTheCredentialsUsage() throws Exception {
        server.addInstance(INSTANCE, InternetChargeType.BY_BANDWIDTH, true);
        ZenlayerAccessKeyImpl key = accessKey("tracked-key", ACCESS_KEY_ID, ACCESS_KEY_PASSWORD);
        addCredentials(key);
        WorkflowJob job = pipeline("tracked", call("tracked-key"));

        WorkflowRun b = build(job, Result.SUCCESS);

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(key);
        assertNotNull(fingerprint, "the credential has a usage record");
        assertThat(fingerprint.getJobs(), hasItem(job.getFullName()));
        assertTrue(fingerprint.getRangeSet(job.getFullName()).includes(b.getNumber()));
    }
}
