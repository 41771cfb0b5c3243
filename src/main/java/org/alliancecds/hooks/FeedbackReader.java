package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.audit.FeedbackItem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a feedback request against the spec's shape: a non-empty {@code feedback} array of items, each naming its
 * card, an outcome of {@code accepted} or {@code overridden}, and an {@code outcomeTimestamp}.
 */
final class FeedbackReader {

    private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");

    private FeedbackReader() {
    }

    static List<FeedbackItem> read(String body, CdsService service) {
        JsonNode feedback = Json.read(body).path("feedback");
        if (!feedback.isArray() || feedback.isEmpty()) {
            throw CdsProblem.invalid("'feedback' is required and must be a non-empty array");
        }
        List<FeedbackItem> items = new ArrayList<>();
        for (int index = 0; index < feedback.size(); index++) {
            items.add(item(feedback.get(index), "feedback[" + index + "]", service));
        }
        return items;
    }

    private static FeedbackItem item(JsonNode item, String where, CdsService service) {
        String card = requiredText(item, "card", where);
        String outcome = requiredText(item, "outcome", where);
        if (!OUTCOMES.contains(outcome)) {
            throw CdsProblem.invalid(where + ".outcome must be accepted or overridden, not '" + outcome + "'");
        }
        Instant timestamp = timestamp(requiredText(item, "outcomeTimestamp", where), where);
        List<String> accepted = new ArrayList<>();
        for (JsonNode suggestion : item.path("acceptedSuggestions")) {
            accepted.add(requiredText(suggestion, "id", where + ".acceptedSuggestions[]"));
        }
        JsonNode reason = item.path("overrideReason");
        String code = reason.path("reason").path("code").isTextual() ? reason.path("reason").path("code").asText() : null;
        String comment = reason.path("userComment").isTextual() ? reason.path("userComment").asText() : null;
        return new FeedbackItem(service.id(), card, outcome, accepted, code, comment, timestamp);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw CdsProblem.invalid(where + "." + field + " is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static Instant timestamp(String text, String where) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsProblem.invalid(where + ".outcomeTimestamp must be an ISO 8601 date-time with offset");
        }
    }
}
