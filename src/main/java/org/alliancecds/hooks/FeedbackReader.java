package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.audit.FeedbackItem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a feedback request against the spec's shape: a non-empty {@code feedback} array of items, each naming its
 * card, an outcome of {@code accepted} or {@code overridden}, and an {@code outcomeTimestamp}; an override reason is
 * kept as its system and code.
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
        String system = text(reason.path("reason").path("system"));
        String code = text(reason.path("reason").path("code"));
        return new FeedbackItem(service.id(), card, outcome, accepted, system, code,
                text(reason.path("userComment")), timestamp);
    }

    /**
     * Refuses an {@code accepted} item that names no suggestion on a card that offered some. CDS Hooks 2.0
     * ("Feedback") makes {@code acceptedSuggestions} required for accepted outcomes; an EHR may accept a card without
     * suggestions too, so that one needs none.
     *
     * @param offeredSuggestions whether the card of this uuid offered suggestions (false when it is not known)
     */
    static void requireAcceptedSuggestions(List<FeedbackItem> items, Predicate<String> offeredSuggestions) {
        for (int index = 0; index < items.size(); index++) {
            FeedbackItem item = items.get(index);
            if ("accepted".equals(item.outcome()) && item.acceptedSuggestions().isEmpty()
                    && offeredSuggestions.test(item.card())) {
                throw CdsProblem.invalid("feedback[" + index + "].acceptedSuggestions is required when accepting a "
                        + "card that offered suggestions");
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
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
