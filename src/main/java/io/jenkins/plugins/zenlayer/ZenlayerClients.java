package io.jenkins.plugins.zenlayer;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerAuth;
import io.jenkins.plugins.zenlayer.api.ZenlayerClient;
import io.jenkins.plugins.zenlayer.api.ZenlayerClientConfig;
import io.jenkins.plugins.zenlayer.api.ZenlayerService;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one Zenlayer client of this Jenkins. All calls share one OkHttp connection pool and dispatcher; each call gets
 * a client derived through okhttp-api, so the Jenkins proxy settings in force at that moment apply.
 */
public final class ZenlayerClients {

    static final String USER_AGENT_PRODUCT = "zenlayer-cloud-jenkins-plugin";

    private ZenlayerClients() {}

    /** Created on first use, so that loading this class starts no threads. */
    private static final class Shared {
        static final OkHttpClient BASE = newSharedBase();
        static final ZenlayerClient CLIENT = new ZenlayerClient(() -> JenkinsOkHttpClient.newClientBuilder(BASE));
    }

    /**
     * The client every call derives from. It sets no read or write timeout of its own: each call sets a call timeout
     * that covers the whole attempt, and OkHttp's default 10 s read timeout would cut a slower answer short first.
     */
    static OkHttpClient newSharedBase() {
        return new OkHttpClient.Builder()
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .build();
    }

    /** A service for one build step or one connection test. */
    public static ZenlayerService service(ZenlayerAuth auth, ZenlayerClientConfig config) {
        return Shared.CLIENT.service(auth, config);
    }

    /** {@code zenlayer-cloud-jenkins-plugin/<version>}, the version taken from this plugin's jar manifest. */
    public static String userAgent() {
        return userAgent(ZenlayerClients.class.getPackage().getImplementationVersion());
    }

    static String userAgent(@CheckForNull String version) {
        String v = version == null ? "" : version.strip().replaceAll("[^A-Za-z0-9._+-]", "-");
        return USER_AGENT_PRODUCT + "/" + (v.isEmpty() ? "dev" : v);
    }
}
