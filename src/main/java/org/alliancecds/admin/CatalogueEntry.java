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
 * @param priority   its place among cards (its most urgent variant's): lower first, past the card cap folded
 * @param safety     a safety finding: outside the cap, never folded
 * @param variants   what each variant of the finding shows, when it has more than one
 */
public record CatalogueEntry(String id, String title, String finding, String when, String then, String indicator,
                             String escalation, String version, String file, String summary, String action,
                             List<ThresholdUse> thresholds, List<Evidence> evidence, int priority, boolean safety,
                             List<Variant> variants) {

    public CatalogueEntry {
        thresholds = List.copyOf(thresholds);
        evidence = List.copyOf(evidence);
        variants = List.copyOf(variants);
    }

    /**
     * One variant of a finding.
     *
     * @param category  its name ({@code worse}, {@code re-screen})
     * @param priority  its place among cards
     * @param indicator its card's indicator
     * @param summary   its summary template
     * @param history   what history it reads and why, or null
     */
    public record Variant(String category, int priority, String indicator, String summary, String history) {
    }
}
