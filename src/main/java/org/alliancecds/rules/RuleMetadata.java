package org.alliancecds.rules;

import java.util.List;

/**
 * What a rule declares about itself in its {@code @} attributes: the card it produces and the evidence behind it.
 *
 * @param id        catalogue id, also the rule's name
 * @param title     short name of the finding
 * @param version   the rule's own version
 * @param indicator {@code info}, {@code warning} or {@code critical}
 * @param summary   the card summary, with {@code {instrument.scale}} and {@code {instrument.scale@date}} placeholders
 * @param action    what the clinician should do (markdown)
 * @param evidence  the evidence list entries it rests on
 * @param file      the {@code .drl} file that holds it
 * @param escalation the indicator when a concern (a low patient rating) is among what it matched, or null
 * @param suggestion the name of its suggestion in {@code rules/suggestions/}, or null
 */
public record RuleMetadata(String id, String title, String version, String indicator, String summary,
                           String action, List<Evidence> evidence, String file, String escalation,
                           String suggestion) {

    public RuleMetadata {
        evidence = List.copyOf(evidence);
    }
}
