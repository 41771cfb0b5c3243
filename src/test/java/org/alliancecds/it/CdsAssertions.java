package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on what the service answers: cards by rule, and errors as OperationOutcomes. */
final class CdsAssertions {

    static final String SUICIDE_RISK = "SUICIDE-RISK-ITEM";
    static final String SEVERE_SYMPTOMS = "SEVERE-SYMPTOM-SENSITIVITY";
    static final String ANXIETY = "ANXIETY-PERCEPTION";

    // A Java stack frame such as "at org.x.Y.m(Y.java:12)".
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(");

    private CdsAssertions() {
    }

    /** The cards array of a successful hook call. */
    static JsonNode cards(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertJson(reply);
        JsonNode cards = reply.json().path("cards");
        assertTrue(cards.isArray(), () -> "no cards array: " + reply);
        return cards;
    }

    /** The rule ids ({@code source.topic.code}) of the cards; one card per rule. */
    static Set<String> topics(Reply reply) {
        List<String> codes = new ArrayList<>();
        for (JsonNode card : cards(reply)) {
            codes.add(card.path("source").path("topic").path("code").asText());
        }
        Set<String> unique = new TreeSet<>(codes);
        assertEquals(codes.size(), unique.size(), () -> "a rule answered twice: " + codes);
        return unique;
    }

    /** The one card of a rule among the cards. */
    static JsonNode card(JsonNode cards, String ruleId) {
        for (JsonNode card : cards) {
            if (ruleId.equals(card.path("source").path("topic").path("code").asText())) {
                return card;
            }
        }
        throw new AssertionError("no " + ruleId + " card among " + cards);
    }

    /** An error answer: the status, and a one-issue OperationOutcome that gives no internals away. */
    static JsonNode assertOperationOutcome(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertJson(reply);
        JsonNode outcome = reply.json();
        assertEquals("OperationOutcome", outcome.path("resourceType").asText(), reply::toString);
        JsonNode issue = outcome.path("issue").path(0);
        assertEquals("error", issue.path("severity").asText(), reply::toString);
        assertFalse(issue.path("code").asText().isBlank(), reply::toString);
        assertFalse(issue.path("diagnostics").asText().isBlank(), reply::toString);
        assertNoStackTrace(reply);
        return issue;
    }

    /** An error answer as above whose diagnostics say what was wrong: they contain {@code diagnostics}. */
    static JsonNode assertOperationOutcome(Reply reply, int status, String diagnostics) {
        JsonNode issue = assertOperationOutcome(reply, status);
        assertTrue(issue.path("diagnostics").asText().contains(diagnostics),
                () -> "diagnostics without '" + diagnostics + "': " + reply);
        return issue;
    }

    static void assertNoStackTrace(Reply reply) {
        assertFalse(STACK_FRAME.matcher(reply.body()).find(), () -> "stack frame in the answer: " + reply);
        assertFalse(reply.body().contains("at org."), () -> "stack frame in the answer: " + reply);
        assertFalse(reply.body().contains("Exception:"), () -> "exception in the answer: " + reply);
    }

    private static void assertJson(Reply reply) {
        assertTrue(reply.contentType().startsWith(CdsClient.JSON), () -> "not JSON: " + reply);
    }
}
