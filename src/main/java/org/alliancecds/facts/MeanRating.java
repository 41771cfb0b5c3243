package org.alliancecds.facts;

import java.util.List;

/** How a card names the mean of several alliance ratings and the mean of their cuts. */
final class MeanRating {

    private MeanRating() {
    }

    static String phrase(List<AllianceRating> ratings, double mean, double cut, double normalisedMean,
                         double normalisedCut) {
        boolean oneInstrument = ratings.stream().map(AllianceRating::measure).distinct().count() == 1;
        if (oneInstrument && !ratings.isEmpty()) {
            return "mean " + ratings.get(0).score().label() + " " + Numbers.format(mean) + " (cut "
                    + Numbers.format(cut) + ")";
        }
        return "mean " + Numbers.format(normalisedMean) + " on a 0-1 scale (cut " + Numbers.format(normalisedCut)
                + ")";
    }
}
