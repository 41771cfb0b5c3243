package org.alliancecds.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The boundary's JSON: strict standard JSON in, compact JSON out, with a nesting limit no real request reaches. */
final class Json {

    static final int MAX_DEPTH = 100;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).build());
    }

    private Json() {
    }

    /** Parses a request body; a body that is not JSON is the client's error. */
    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw CdsProblem.invalid("the request body is empty; a JSON object is expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw CdsProblem.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response JSON", e);
        }
    }
}
