package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.alliancecds.common.LogText;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One feedback item as the audit keeps it. The clinician's free-text comment is reduced to its length here, at the
 * boundary: it may name the patient or others, and nothing downstream needs its words.
 *
 * @param id                  the row's key
 * @param serviceId           the service whose card it was
 * @param card                the card uuid as sent
 * @param outcome             accepted or overridden
 * @param acceptedSuggestions uuids of the accepted suggestions
 * @param overrideSystem      the override reason's code system, or null
 * @param overrideCode        the override reason code, or null
 * @param commentLength       the length of the user comment, or null when there was none
 * @param outcomeAt           when the clinician answered, as the EHR says
 * @param receivedAt          when the service received it
 * @param caller              the authenticated issuer and tenant
 */
public record FeedbackAudit(String id, String serviceId, String card, String outcome, List<String> acceptedSuggestions,
                            String overrideSystem, String overrideCode, Integer commentLength, Instant outcomeAt,
                            Instant receivedAt, Caller caller) implements AuditEntry {

    public FeedbackAudit {
        acceptedSuggestions = List.copyOf(acceptedSuggestions);
    }

    public static FeedbackAudit of(FeedbackItem item, Caller caller, Instant receivedAt) {
        Integer commentLength = item.overrideComment() == null ? null : item.overrideComment().length();
        return new FeedbackAudit(UUID.randomUUID().toString(), item.serviceId(), item.card(), item.outcome(),
                item.acceptedSuggestions(), item.overrideSystem(), item.overrideCode(), commentLength,
                item.outcomeTimestamp(), receivedAt, caller);
    }

    @Override
    public String describe() {
        return "feedback " + id + " (card " + LogText.safe(card) + ", " + LogText.safe(outcome) + ")";
    }
}
