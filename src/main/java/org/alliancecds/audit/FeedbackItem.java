package org.alliancecds.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One clinician's answer to one card, as the CDS Hooks feedback endpoint receives it.
 *
 * @param serviceId           the service whose card it was
 * @param card                the card's uuid
 * @param outcome             {@code accepted} or {@code overridden}
 * @param acceptedSuggestions uuids of the suggestions accepted
 * @param overrideSystem      the override reason's code system, or null: an EHR may offer reasons of its own
 * @param overrideCode        the override reason's code, or null
 * @param overrideComment     the clinician's comment, or null
 * @param outcomeTimestamp    when the clinician answered
 */
public record FeedbackItem(String serviceId, String card, String outcome, List<String> acceptedSuggestions,
                           String overrideSystem, String overrideCode, String overrideComment,
                           Instant outcomeTimestamp) {

    public FeedbackItem {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(outcomeTimestamp, "outcomeTimestamp");
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }
}
