package org.alliancecds.check;

import org.alliancecds.cards.Card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one case went.
 *
 * @param scenario the case
 * @param fired    the rules that fired, as cards or under "Also:"
 * @param cards    the cards the EHR got
 * @param error    why it could not run (the service's answer was an error), or null
 */
public record ScenarioResult(ScenarioCase scenario, Set<String> fired, List<Card> cards, String error) {

    public ScenarioResult {
        fired = Set.copyOf(fired);
        cards = List.copyOf(cards);
    }

    /** The result of a call answered with these cards. */
    public static ScenarioResult of(ScenarioCase scenario, List<Card> cards) {
        return new ScenarioResult(scenario, FiredRules.of(cards), cards, null);
    }

    public boolean passed() {
        return error == null && fired.equals(scenario.fires()) && cardsAsExpected() && indicatorsAsExpected()
                && summariesAsExpected();
    }

    /** Rules expected but silent. */
    public Set<String> missing() {
        Set<String> missing = new TreeSet<>(scenario.fires());
        missing.removeAll(fired);
        return missing;
    }

    /** Rules that fired but should have stayed silent. */
    public Set<String> unexpected() {
        Set<String> unexpected = new TreeSet<>(fired);
        unexpected.removeAll(scenario.fires());
        return unexpected;
    }

    /** The rule of each card, in the order the EHR got them. */
    public List<String> cardRules() {
        return cards.stream().map(card -> card.source().topic().code()).toList();
    }

    private boolean cardsAsExpected() {
        return scenario.cards() == null || scenario.cards().equals(cardRules());
    }

    private boolean indicatorsAsExpected() {
        return indicators().entrySet().containsAll(scenario.indicators().entrySet());
    }

    private boolean summariesAsExpected() {
        return scenario.summaries().entrySet().stream().allMatch(expected -> cards.stream()
                .anyMatch(card -> card.source().topic().code().equals(expected.getKey())
                        && card.summary().contains(expected.getValue())));
    }

    private Map<String, String> summaries() {
        Map<String, String> byRule = new LinkedHashMap<>();
        cards.forEach(card -> byRule.put(card.source().topic().code(), card.summary()));
        return byRule;
    }

    private Map<String, String> indicators() {
        Map<String, String> byRule = new LinkedHashMap<>();
        cards.forEach(card -> byRule.put(card.source().topic().code(), card.indicator()));
        return byRule;
    }

    /** One line for a report. */
    public String line() {
        if (error != null) {
            return "ERROR " + scenario.file() + ": " + error;
        }
        if (passed()) {
            return "pass  " + scenario.file() + " " + new TreeSet<>(fired);
        }
        StringBuilder line = new StringBuilder("FAIL  " + scenario.file() + ": missing " + missing()
                + ", unexpected " + unexpected());
        if (!cardsAsExpected()) {
            line.append(", cards ").append(cardRules()).append(" instead of ").append(scenario.cards());
        }
        if (!indicatorsAsExpected()) {
            line.append(", indicators ").append(indicators()).append(" instead of ").append(scenario.indicators());
        }
        if (!summariesAsExpected()) {
            line.append(", summaries ").append(summaries()).append(" lack ").append(scenario.summaries());
        }
        return line.toString();
    }
}
