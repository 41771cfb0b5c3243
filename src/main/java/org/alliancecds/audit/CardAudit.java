package org.alliancecds.audit;

/**
 * A card the service returned.
 *
 * @param uuid        the card's uuid, which feedback names
 * @param ruleId      the rule that produced it (the card's {@code source.topic.code})
 * @param ruleVersion the rule's own {@code @version}
 * @param indicator   info, warning or critical
 */
public record CardAudit(String uuid, String ruleId, String ruleVersion, String indicator) {
}
