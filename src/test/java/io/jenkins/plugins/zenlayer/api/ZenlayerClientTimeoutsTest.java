package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ZenlayerClientTimeoutsTest {

    @Test
    void connectAndCallTimeoutsComeFromTheConfig() {
        OkHttpClient shared = new OkHttpClient();
        ZenlayerClient client = new ZenlayerClient(shared::newBuilder);
        ZenlayerClientConfig config = ZenlayerClientConfig.builder()
                .connectTimeout(Duration.ofSeconds(7))
                .callTimeout(Duration.ofSeconds(95))
                .build();

        OkHttpClient derived = client.derive(config);

        assertThat(derived.connectTimeoutMillis(), is(7_000));
        assertThat(derived.callTimeoutMillis(), is(95_000));
        assertThat(derived.followRedirects(), is(false));
    }
}
