package org.alliancecds.cards;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.Threshold;

import java.util.stream.Collectors;

/**
 * What a finding says about the patient, in the terms that decide whether a card answered before may stay quiet:
 * the rule, the card's indicator, the variant that fired (which for ALLIANCE-LOW-NOW is the weakest part of the
 * alliance, for NOT-ON-TRACK "worse" or "no change"), and the band: the cuts the data crossed. The same data give
 * the same state; a rating that now crosses another cut, a raised indicator or another variant is a new state.
 */
final class ClinicalState {

    private ClinicalState() {
    }

    /** The variant (category) a state was written with; "" for a finding's only rule. */
    static String variantOf(String state) {
        String[] parts = state.split("\\|", -1);
        return parts.length > 2 ? parts[2] : "";
    }

    static String of(Finding finding, String indicator) {
        String band = finding.thresholds().stream().map(Threshold::id).sorted().distinct()
                .collect(Collectors.joining(","));
        return finding.ruleId() + "|" + indicator + "|" + finding.category() + "|" + band;
    }
}
