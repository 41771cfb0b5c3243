package org.alliancecds.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.alliancecds.hooks.security.RequestSizeFilter;

/**
 * The boundary's JSON: strict standard JSON in, compact JSON out. The read limits are far above any real request
 * and bound what a hostile one can cost: nesting (stack depth), number length (big-number parsing is quadratic),
 * name length and token count; the document length is bounded by the request size limit first, and here as well.
 * Decimals are read exactly, as HAPI reads them, because the prefetch's tree goes to HAPI as it is.
 */
final class Json {

    static final int MAX_DEPTH = 100;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_NAME_CHARS = 1_000;
    static final long MAX_TOKENS = 1_000_000;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxTokenCount(MAX_TOKENS)
                .maxDocumentLength(RequestSizeFilter.MAX_CONFIGURABLE_BYTES)
                .build());
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
