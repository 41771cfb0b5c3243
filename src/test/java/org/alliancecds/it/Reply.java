package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer of the service.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header, or an empty string
 * @param body        the body as text
 * @param elapsed     from sending the request to having the whole body
 * @param headers     every header, by lower-case name
 */
record Reply(int status, String contentType, String body, Duration elapsed, Map<String, List<String>> headers) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The first value of a header, if the answer has it. */
    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst();
    }

    /** The body as JSON; a body that is not JSON fails the test with the body in the message. */
    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body is not JSON (HTTP " + status + "): " + body, e);
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + contentType + " " + body;
    }
}
