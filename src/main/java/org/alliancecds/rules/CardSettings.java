package org.alliancecds.rules;

import org.alliancecds.facts.Threshold;

import java.util.List;

/**
 * The card settings among the thresholds, checked where a wrong value would silently do harm: {@code cards.max} a
 * whole number of cards, {@code cards.quiet-days} a whole number of days within the {@value #MAX_QUIET_DAYS} days
 * of answers the service keeps at hand.
 */
final class CardSettings {

    /** How far back answered cards are read; a longer quiet period could not be honoured. */
    static final int MAX_QUIET_DAYS = 90;

    private CardSettings() {
    }

    static void check(List<Threshold> thresholds, List<RuleProblem> problems) {
        for (Threshold threshold : thresholds) {
            double value = threshold.value();
            boolean whole = value == Math.rint(value) && value >= 0;
            if (threshold.id().equals("cards.max") && !whole) {
                problems.add(new RuleProblem(ThresholdTable.FILE, 0, "cards.max must be a whole number of cards, 0 or"
                        + " more, not " + value));
            }
            if (threshold.id().equals("cards.quiet-days") && (!whole || value > MAX_QUIET_DAYS)) {
                problems.add(new RuleProblem(ThresholdTable.FILE, 0, "cards.quiet-days must be a whole number of days"
                        + " from 0 to " + MAX_QUIET_DAYS + " (answers are kept that long), not " + value));
            }
        }
    }
}
