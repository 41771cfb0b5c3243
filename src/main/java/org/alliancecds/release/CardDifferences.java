package org.alliancecds.release;

import org.alliancecds.cards.Card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the candidate's cards for one call differ from the live ones, per rule (a card's rule is its source topic):
 * a card only one of them gave, or the same rule's card with another indicator or summary. Detail, suggestions and
 * links are not compared: they follow from the same rule's text, and a review reads them in the catalogue.
 */
final class CardDifferences {

    private CardDifferences() {
    }

    /** The differences, live order first, then cards only the candidate gave; empty when they answer alike. */
    static List<ShadowDifference> between(List<Card> live, List<Card> candidate, Context context) {
        Map<String, Card> liveByRule = byRule(live);
        Map<String, Card> candidateByRule = byRule(candidate);
        List<ShadowDifference> differences = new ArrayList<>();
        liveByRule.forEach((rule, card) -> {
            Card other = candidateByRule.get(rule);
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

    private static Map<String, Card> byRule(List<Card> cards) {
        Map<String, Card> byRule = new LinkedHashMap<>();
        cards.forEach(card -> byRule.putIfAbsent(ruleOf(card), card));
        return byRule;
    }

    private static String ruleOf(Card card) {
        return card.source() == null || card.source().topic() == null ? "" : card.source().topic().code();
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
