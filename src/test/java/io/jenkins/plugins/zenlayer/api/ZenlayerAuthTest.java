package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZenlayerAuthTest {

    @Test
    void accessKeyKeepsValuesWithoutSurroundingWhitespace() {
        ZenlayerAuth auth = ZenlayerAuth.accessKey(" AKID1 ", "secret-pw\n");

        assertThat(auth, instanceOf(ZenlayerAuth.AccessKey.class));
        ZenlayerAuth.AccessKey key = (ZenlayerAuth.AccessKey) auth;
        assertThat(key.accessKeyId(), is("AKID1"));
        assertThat(key.accessKeyPassword(), is("secret-pw"));
        assertThat(auth.kind(), is("access key"));
    }

    @Test
    void bearerToken() {
        ZenlayerAuth auth = ZenlayerAuth.bearerToken("tok-1\r\n");

        assertThat(((ZenlayerAuth.BearerToken) auth).token(), is("tok-1"));
        assertThat(auth.kind(), is("access token"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n"})
    void blankValuesAreRejected(String blank) {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.accessKey(blank, "pw"))
                        .getMessage(),
                is("The Zenlayer access key ID is blank."));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.accessKey("id", blank))
                        .getMessage(),
                is("The Zenlayer access key password is blank."));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.bearerToken(blank))
                        .getMessage(),
                is("The Zenlayer access token is blank."));
    }

    @Test
    void accessKeyIdMustBeHeaderSafe() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.accessKey("AK ID", "pw"));

        assertThat(e.getMessage(), containsString("position 3"));
    }

    @Test
    void nonAsciiPasswordIsAllowedButNotInAToken() {
        ZenlayerAuth.accessKey("id", "pässwort");

        assertThrows(IllegalArgumentException.class, () -> ZenlayerAuth.bearerToken("tökén"));
    }
}
