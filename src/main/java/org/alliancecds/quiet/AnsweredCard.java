package org.alliancecds.quiet;

import java.io.Serializable;
import java.time.Instant;

/**
 * A clinician's answer to a card, with what the card was issued for.
 *
 * @param ruleId         the rule that produced the card
 * @param state          the patient's clinical state the card was issued for, as the cards side wrote it, or null
 * @param outcome        {@code accepted} or {@code overridden}
 * @param overrideSystem the override reason's code system, or null
 * @param overrideReason the override reason's code, or null
 * @param answeredAt     the feedback's {@code outcomeTimestamp}, but never later than when the service received it
 */
public record AnsweredCard(String ruleId, String state, String outcome, String overrideSystem, String overrideReason,
                           Instant answeredAt) implements Serializable {
}
