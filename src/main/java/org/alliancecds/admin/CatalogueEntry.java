package org.alliancecds.admin;

import org.alliancecds.rules.Evidence;

import java.util.List;

/**
 * One card rule as the console's catalogue shows it.
 *
 * @param id         catalogue id
 * @param title      short name of the finding
 * @param finding    the header's "Finding:" paragraph: what research says, in plain words
 * @param when       the header's "When:" paragraph: the condition
 * @param then       the header's "Then:" paragraph: the card
 * @param indicator  {@code info}, {@code warning} or {@code critical}
 * @param escalation the indicator when a low patient alliance rating is among what it matched, or null
 * @param version    the rule's own version
 * @param file       its file in {@code rules/}
 * @param summary    the card summary template
 * @param action     what the card tells the clinician to do
 * @param thresholds the thresholds it relies on
 * @param evidence   the evidence it cites
 */
public record CatalogueEntry(String id, String title, String finding, String when, String then, String indicator,
                             String escalation, String version, String file, String summary, String action,
                             List<ThresholdUse> thresholds, List<Evidence> evidence) {

    public CatalogueEntry {
        thresholds = List.copyOf(thresholds);
        evidence = List.copyOf(evidence);
    }
}
