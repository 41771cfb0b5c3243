package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;

/**
 * One HTTP answer of the service.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header, or an empty string
 * @param body        the body as text
 * @param elapsed     from sending the request to having the whole body
 */
record Reply(int status, String contentType, String body, Duration elapsed) {

    static final ObjectMapper MAPPER = new ObjectMapper();

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
