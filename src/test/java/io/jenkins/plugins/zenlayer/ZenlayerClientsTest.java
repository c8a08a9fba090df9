package io.jenkins.plugins.zenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ZenlayerClientsTest {

    @Test
    void theSharedClientLeavesTheLimitOfAnAttemptToTheCallTimeout() {
        OkHttpClient base = ZenlayerClients.newSharedBase();

        // 0 means no limit: the per-call call timeout (30 s by default) is the one that applies.
        assertEquals(0, base.readTimeoutMillis());
        assertEquals(0, base.writeTimeoutMillis());
    }
}
