package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import java.util.Optional;
import java.util.function.Function;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * Type resolution with test doubles. A {@link Secret} cannot be created without Jenkins, so the doubles return
 * {@code null} and the secret reader stands in for {@link Secret#getPlainText()}.
 */
class CredentialsKindTest {

    private static final String PASSWORD = "s3cr3t-Password";

    private static Function<Secret, String> reveal(String plain) {
        return secret -> plain;
    }

    @Test
    void accessKeyBecomesASignedAccessKey() {
        CredentialsKind.Resolution r = CredentialsKind.resolve("zl", new AccessKey("zl", "AKID123"), reveal(PASSWORD));
        assertNull(r.problem());
        ZenlayerAuth.AccessKey auth = (ZenlayerAuth.AccessKey) r.auth();
        assertEquals("AKID123", auth.accessKeyId());
        assertThat(auth.toString(), not(containsString(PASSWORD)));
    }

    @Test
    void usernamePasswordIsReadAsAccessKeyIdAndPassword() {
        CredentialsKind.Resolution r =
                CredentialsKind.resolve("up", new UsernamePassword("up", "AKID456"), reveal(PASSWORD));
        assertThat(r.auth(), instanceOf(ZenlayerAuth.AccessKey.class));
        assertEquals("AKID456", ((ZenlayerAuth.AccessKey) r.auth()).accessKeyId());
    }

    @Test
    void secretTextIsABearerToken() {
        CredentialsKind.Resolution r = CredentialsKind.resolve("token", new SecretText("token"), reveal("tok-1"));
        assertThat(r.auth(), instanceOf(ZenlayerAuth.BearerToken.class));
    }

    @Test
    void anAccessKeyThatIsAlsoUsernamePasswordIsReadAsAccessKey() {
        assertEquals(Optional.of(CredentialsKind.ACCESS_KEY), CredentialsKind.of(new Both("both")));
    }

    @Test
    void missingCredentialNamesTheIdTheTypesAndTheFolderScope() {
        CredentialsKind.Resolution r = CredentialsKind.resolve("prod-key", null, reveal(PASSWORD));
        assertNull(r.auth());
        assertThat(
                r.problem(),
                allOf(
                        containsString("prod-key"),
                        containsString("Zenlayer access key"),
                        containsString("Username with password"),
                        containsString("Secret text"),
                        containsString("folder")));
    }

    @Test
    void otherTypesNameTheIdTheirTypeAndTheAcceptedTypes() {
        CredentialsKind.Resolution r = CredentialsKind.resolve("ssh", new SshKey("ssh"), reveal(PASSWORD));
        assertNull(r.auth());
        assertThat(
                r.problem(),
                allOf(containsString("ssh"), containsString("SshKey"), containsString("Zenlayer access key")));
        assertEquals(Optional.empty(), CredentialsKind.of(new SshKey("ssh")));
    }

    @Test
    void blankValuesAreReportedWithoutTheSecret() {
        CredentialsKind.Resolution blankId = CredentialsKind.resolve("k", new AccessKey("k", "  "), reveal(PASSWORD));
        assertThat(blankId.problem(), allOf(containsString("\"k\""), not(containsString(PASSWORD))));

        CredentialsKind.Resolution badPassword =
                CredentialsKind.resolve("k", new AccessKey("k", "AKID"), reveal("has space " + PASSWORD));
        assertThat(badPassword.problem(), not(containsString(PASSWORD)));
        assertNull(badPassword.auth());
    }

    @Test
    void toAuthRejectsBlankTokens() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CredentialsKind.SECRET_TEXT.toAuth(new SecretText("t"), reveal(" ")));
    }

    @Test
    void accessKeyIdFormCheck() {
        assertEquals(Optional.empty(), CredentialsKind.accessKeyIdProblem(" AKID123 "));
        assertThat(CredentialsKind.accessKeyIdProblem("").orElseThrow(), containsString("access key ID"));
        assertEquals(true, CredentialsKind.accessKeyIdProblem(null).isPresent());
        assertEquals(true, CredentialsKind.accessKeyIdProblem("AK ID").isPresent());
        assertEquals(true, CredentialsKind.accessKeyIdProblem("AKÏD").isPresent());
    }

    @Test
    void nameShowsTheAccessKeyIdAndDescriptionOnly() {
        assertEquals("AKID (prod)", ZenlayerAccessKey.NameProvider.displayName("AKID", " prod "));
        assertEquals("AKID", ZenlayerAccessKey.NameProvider.displayName("AKID", ""));
    }

    /** Common part of the doubles: an ID, no descriptor outside Jenkins. */
    private abstract static class Double implements StandardCredentials {
        private final String id;

        Double(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return null;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            return null;
        }
    }

    private static class AccessKey extends Double implements ZenlayerAccessKey {
        private final String accessKeyId;

        AccessKey(String id, String accessKeyId) {
            super(id);
            this.accessKeyId = accessKeyId;
        }

        @Override
        public String getAccessKeyId() {
            return accessKeyId;
        }

        @Override
        public Secret getAccessKeyPassword() {
            return null;
        }
    }

    private static class UsernamePassword extends Double implements StandardUsernamePasswordCredentials {
        private final String username;

        UsernamePassword(String id, String username) {
            super(id);
            this.username = username;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public Secret getPassword() {
            return null;
        }
    }

    private static final class Both extends AccessKey implements StandardUsernamePasswordCredentials {
        Both(String id) {
            super(id, "AKID");
        }

        @Override
        public String getUsername() {
            return "other";
        }

        @Override
        public Secret getPassword() {
            return null;
        }
    }

    private static final class SecretText extends Double implements StringCredentials {
        SecretText(String id) {
            super(id);
        }

        @Override
        public Secret getSecret() {
            return null;
        }
    }

    private static final class SshKey extends Double {
        SshKey(String id) {
            super(id);
        }
    }
}
