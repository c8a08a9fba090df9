package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * Types, scopes and IDs, with test doubles. Nothing here reads a secret: a {@link Secret} cannot be created without
 * Jenkins, so the doubles return {@code null} and the conversion to an authentication is tested in
 * {@link ZenlayerCredentialsITest}.
 */
class ZenlayerCredentialsTest {

    @Test
    void blankIdsAreAbsentAndOthersAreStripped() {
        assertNull(ZenlayerCredentials.normalizeId(null));
        assertNull(ZenlayerCredentials.normalizeId(""));
        assertNull(ZenlayerCredentials.normalizeId(" \t\n"));
        assertEquals("zenlayer-key", ZenlayerCredentials.normalizeId("  zenlayer-key\n"));
        assertEquals("${KEY}", ZenlayerCredentials.normalizeId("${KEY}"));
    }

    @Test
    void eachAcceptedTypeHasItsKind() {
        assertEquals(
                Optional.of(ZenlayerCredentials.Kind.ACCESS_KEY),
                ZenlayerCredentials.Kind.of(new AccessKey("zl", "AKID", CredentialsScope.GLOBAL)));
        assertEquals(
                Optional.of(ZenlayerCredentials.Kind.USERNAME_PASSWORD),
                ZenlayerCredentials.Kind.of(new UsernamePassword("up", "AKID")));
        assertEquals(
                Optional.of(ZenlayerCredentials.Kind.SECRET_TEXT),
                ZenlayerCredentials.Kind.of(new SecretText("token")));
        assertEquals(Optional.empty(), ZenlayerCredentials.Kind.of(null));
    }

    @Test
    void anAccessKeyThatIsAlsoUsernamePasswordIsReadAsAccessKey() {
        assertEquals(Optional.of(ZenlayerCredentials.Kind.ACCESS_KEY), ZenlayerCredentials.Kind.of(new Both("both")));
    }

    @Test
    void missingCredentialNamesTheIdTheTypesAndTheFolderScope() {
        ZenlayerCredentials.Resolution r = ZenlayerCredentials.resolve("prod-key", null);
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
        ZenlayerCredentials.Resolution r = ZenlayerCredentials.resolve("ssh", new SshKey("ssh"));
        assertNull(r.auth());
        assertThat(
                r.problem(),
                allOf(containsString("ssh"), containsString("SshKey"), containsString("Zenlayer access key")));
        assertEquals(Optional.empty(), ZenlayerCredentials.Kind.of(new SshKey("ssh")));
    }

    @Test
    void systemScopedCredentialsAreRefusedWithTheReasonAndNoSecretIsRead() {
        // The double's password is null: reading it would throw, so a result shows that nothing was read.
        ZenlayerCredentials.Resolution r =
                ZenlayerCredentials.resolve("sys-key", new AccessKey("sys-key", "AKID", CredentialsScope.SYSTEM));
        assertNull(r.auth());
        assertThat(r.problem(), allOf(containsString("\"sys-key\""), containsString("System scope")));
        assertEquals(
                Optional.empty(),
                ZenlayerCredentials.problem("k", new AccessKey("k", "AKID", CredentialsScope.GLOBAL)),
                "Global scope");
        assertEquals(Optional.empty(), ZenlayerCredentials.problem("k", new AccessKey("k", "AKID", null)), "no scope");
    }

    /** Common part of the doubles: an ID, a scope, no descriptor outside Jenkins. */
    private abstract static class Double implements StandardCredentials {
        private final String id;
        private final CredentialsScope scope;

        Double(String id, CredentialsScope scope) {
            this.id = id;
            this.scope = scope;
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
            return scope;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            return null;
        }
    }

    private static class AccessKey extends Double implements ZenlayerAccessKey {
        private final String accessKeyId;

        AccessKey(String id, String accessKeyId, CredentialsScope scope) {
            super(id, scope);
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
            super(id, CredentialsScope.GLOBAL);
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
            super(id, "AKID", CredentialsScope.GLOBAL);
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
            super(id, CredentialsScope.GLOBAL);
        }

        @Override
        public Secret getSecret() {
            return null;
        }
    }

    private static final class SshKey extends Double {
        SshKey(String id) {
            super(id, CredentialsScope.GLOBAL);
        }
    }
}
