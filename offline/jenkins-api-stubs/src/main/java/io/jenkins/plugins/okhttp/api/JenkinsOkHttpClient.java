package io.jenkins.plugins.okhttp.api;

import okhttp3.OkHttpClient;

public class JenkinsOkHttpClient {
    private JenkinsOkHttpClient() {
        throw new UnsupportedOperationException();
    }

    public static OkHttpClient.Builder newClientBuilder(OkHttpClient httpClient) {
        throw new UnsupportedOperationException();
    }
}
