package io.jenkins.plugins.zenlayer.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The shared, thread-safe Jackson mapper. */
final class Json {

    // New response fields appear often, and a body with trailing garbage (say JSON followed by an HTML error page from
    // a proxy) is not a valid envelope.
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}
}
