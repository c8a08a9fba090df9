package io.jenkins.plugins.zenlayer.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ZenlayerClientTimeoutsTest {

    @Test
    void connectAndCallTimeoutsComeFromTheConfig() {
        OkHttpClient shared = new OkHttpClient();
        ZenlayerClient client = ZenlayerClient.withSharedClient(shared);
        ZenlayerClientConfig config = ZenlayerClientConfig.builder()
                .connectTimeout(Duration.ofSeconds(7))
                .callTimeout(Duration.ofSeconds(95))
                .build();

        OkHttpClient derived = client.derive(config);

        assertThat(derived.connectTimeoutMillis(), is(7_000));
        assertThat(derived.callTimeoutMillis(), is(95_000));
        assertThat(derived.followRedirects(), is(false));
    }

    @Test
    void derivedClientsShareThePoolAndDispatcherOfTheSharedClient() {
        OkHttpClient shared = new OkHttpClient();
        ZenlayerClient client = ZenlayerClient.withSharedClient(shared);

        OkHttpClient first = client.derive(ZenlayerClientConfig.defaults());
        OkHttpClient second = client.derive(ZenlayerClientConfig.builder()
                .callTimeout(Duration.ofSeconds(5))
                .build());

        assertThat(first.connectionPool(), sameInstance(shared.connectionPool()));
        assertThat(second.connectionPool(), sameInstance(shared.connectionPool()));
        assertThat(first.dispatcher(), sameInstance(shared.dispatcher()));
        assertThat(second.dispatcher(), sameInstance(shared.dispatcher()));
    }
}
