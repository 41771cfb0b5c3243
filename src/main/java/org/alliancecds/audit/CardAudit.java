package org.alliancecds.audit;

/**
 * A card the service returned.
 *
 * @param uuid          the card's uuid, which feedback names
 * @param ruleId        the rule that produced it (the card's {@code source.topic.code})
 * @param ruleVersion   the rule's own {@code @version}
 * @param indicator     info, warning or critical
 * @param clinicalState the patient's clinical state the card was issued for, as the cards side wrote it, or null
 */
public record CardAudit(String uuid, String ruleId, String ruleVersion, String indicator, String clinicalState) {
}
