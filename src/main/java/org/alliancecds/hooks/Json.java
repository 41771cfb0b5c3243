package org.alliancecds.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.alliancecds.common.LogText;
import org.alliancecds.hooks.security.RequestSizeFilter;

import java.util.Locale;

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
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw CdsProblem.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (mayEscapeHalfPairs(body)) {
            requireUnicode(tree, "");
        }
        return tree;
    }

    /**
     * Whether the body has an escape in the surrogate range ({@code \\uD800}–{@code \\uDFFF}): only such an escape
     * can put half a pair into the tree, since the body was decoded from bytes. Scanning the text is a fraction of
     * the cost of walking the tree, which real requests then never need.
     */
    private static boolean mayEscapeHalfPairs(String body) {
        for (int at = body.indexOf("\\u"); at >= 0 && at + 3 < body.length(); at = body.indexOf("\\u", at + 2)) {
            char high = body.charAt(at + 2);
            char next = Character.toLowerCase(body.charAt(at + 3));
            if ((high == 'd' || high == 'D') && next >= '8' && (next <= '9' || (next >= 'a' && next <= 'f'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * JSON's escapes can spell half a surrogate pair ({@code "\\uD83D"}), which is no Unicode text: no database can
     * keep it as sent, so a card uuid or a hookInstance would be audited as some other string. Refused, naming where.
     */
    private static void requireUnicode(JsonNode node, String path) {
        if (node.isTextual()) {
            requireUnicode(node.textValue(), path.isEmpty() ? "the body" : path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireUnicode(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                requireUnicode(field.getKey(), "a member name in " + (path.isEmpty() ? "the body" : path));
                requireUnicode(field.getValue(), where);
            });
        }
    }

    private static void requireUnicode(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // the path holds the client's member names, which may hold halves of pairs too
                String shown = LogText.safe(where.replaceAll("[\\uD800-\\uDFFF]", "\uFFFD"));
                throw CdsProblem.invalid("the request body's text at " + shown
                        + " is not valid Unicode: it holds half of a surrogate pair (\\u"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
            }
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
