package org.alliancecds.release;

import org.alliancecds.hooks.Shadow.Shown;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the candidate's cards for one call differ from the live ones, per rule: a card only one of them gave, or the
 * same rule's card with another indicator or another summary (as the rule writes it: a new wording, or another
 * variant of the finding). Detail, suggestions and links are not compared: they follow from the same rule's text,
 * and a review reads them in the catalogue. The texts kept are templates and indicators, never a patient's values.
 */
final class CardDifferences {

    private CardDifferences() {
    }

    /** The differences, live order first, then cards only the candidate gave; empty when they answer alike. */
    static List<ShadowDifference> between(List<Shown> live, List<Shown> candidate, Context context) {
        Map<String, Shown> liveByRule = byRule(live);
        Map<String, Shown> candidateByRule = byRule(candidate);
        List<ShadowDifference> differences = new ArrayList<>();
        liveByRule.forEach((rule, card) -> {
            Shown other = candidateByRule.get(rule);
            if (other == null) {
                differences.add(context.difference(rule, ShadowChange.REMOVED, card.summary(), null));
                return;
            }
            if (!Objects.equals(card.indicator(), other.indicator())) {
                differences.add(context.difference(rule, ShadowChange.INDICATOR, card.indicator(),
                        other.indicator()));
            }
            if (!Objects.equals(card.summary(), other.summary())) {
                differences.add(context.difference(rule, ShadowChange.SUMMARY, card.summary(), other.summary()));
            }
        });
        candidateByRule.forEach((rule, card) -> {
            if (!liveByRule.containsKey(rule)) {
                differences.add(context.difference(rule, ShadowChange.ADDED, null, card.summary()));
            }
        });
        return differences;
    }

    private static Map<String, Shown> byRule(List<Shown> cards) {
        Map<String, Shown> byRule = new LinkedHashMap<>();
        cards.forEach(card -> byRule.putIfAbsent(card.ruleId(), card));
        return byRule;
    }

    /** What every difference of one call shares: the releases compared, where and when, and the call's ids. */
    record Context(SemanticVersion candidate, String liveVersion, String instanceId, Instant at, String hook,
                   String hookInstance, String patientPseudonym) {

        ShadowDifference difference(String rule, ShadowChange change, String liveText, String candidateText) {
            return new ShadowDifference(candidate, liveVersion, instanceId, at, hook, hookInstance,
                    patientPseudonym, rule, change, liveText, candidateText);
        }
    }
}
