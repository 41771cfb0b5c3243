package org.alliancecds.facts;

import java.util.List;

/**
 * A classification resting on the mean of several patient ratings of the alliance against the mean of their cuts
 * (the early alliance, the recent alliance): the ratings are its grounds, and a card names it as
 * "mean SRS total 31.3 (cut 36)", or on the 0–1 scale when the ratings span instruments.
 */
public interface MeanOfRatings extends Concern, Phrased {

    List<AllianceRating> ratings();

    /** The mean rating on the instruments' own scale (meaningful when they share one instrument). */
    double mean();

    /** The mean of their cuts on that scale. */
    double cut();

    double normalisedMean();

    double normalisedCut();

    @Override
    default List<InstrumentScore> grounds() {
        return ratings().stream().map(AllianceRating::score).toList();
    }

    @Override
    default String phrase() {
        boolean oneInstrument = ratings().stream().map(AllianceRating::measure).distinct().count() == 1;
        if (oneInstrument && !ratings().isEmpty()) {
            return "mean " + ratings().get(0).score().label() + " " + Numbers.format(mean()) + " (cut "
                    + Numbers.format(cut()) + ")";
        }
        return "mean " + Numbers.format(normalisedMean()) + " on a 0-1 scale (cut " + Numbers.format(normalisedCut())
                + ")";
    }
}
