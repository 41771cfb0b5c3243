package org.alliancecds.cards;

import java.time.Instant;

/**
 * A user's earlier answer to a card of this patient, as the feedback store keeps it.
 *
 * @param ruleId         the rule of the card answered
 * @param state          the finding's clinical state when the card was shown ({@link ClinicalState})
 * @param outcome        {@code accepted} or {@code overridden}
 * @param overrideSystem the override reason's code system, or null
 * @param overrideReason the override reason's code, or null
 * @param answeredAt     when the user answered
 */
public record PriorAnswer(String ruleId, String state, String outcome, String overrideSystem, String overrideReason,
                          Instant answeredAt) {
}
