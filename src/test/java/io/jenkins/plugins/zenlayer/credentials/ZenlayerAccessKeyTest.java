package io.jenkins.plugins.zenlayer.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZenlayerAccessKeyTest {

    @Test
    void accessKeyIdFormCheck() {
        assertEquals(Optional.empty(), ZenlayerAccessKeyImpl.accessKeyIdProblem(" AKID123 "));
        assertThat(ZenlayerAccessKeyImpl.accessKeyIdProblem("").orElseThrow(), containsString("access key ID"));
        assertEquals(true, ZenlayerAccessKeyImpl.accessKeyIdProblem(null).isPresent());
        assertEquals(true, ZenlayerAccessKeyImpl.accessKeyIdProblem("AK ID").isPresent());
        assertEquals(true, ZenlayerAccessKeyImpl.accessKeyIdProblem("AKÏD").isPresent());
    }

    @Test
    void nameShowsTheAccessKeyIdAndDescriptionOnly() {
        assertEquals("AKID (prod)", ZenlayerAccessKey.NameProvider.displayName("AKID", " prod "));
        assertEquals("AKID", ZenlayerAccessKey.NameProvider.displayName("AKID", ""));
    }
}
