package org.alliancecds.facts;

import java.util.List;

/**
 * The patient's last few ratings of the current episode average below their instruments' cut-offs: the alliance is
 * still weak after the formation window. Classified once by {@code rules/common/}.
 *
 * @param ratings the last ratings
 * @param count   how many the mean takes (the threshold {@code alliance.still-weak.ratings})
 * @param mean    the mean rating on the instruments' own scale
 * @param cut     the mean of their cuts
 * @param normalisedMean the mean on the 0–1 scale
 * @param normalisedCut  the mean cut on the 0–1 scale
 */
public record RecentAllianceLow(List<AllianceRating> ratings, Threshold count, double mean, double cut,
                                double normalisedMean, double normalisedCut) implements MeanOfRatings {

    public RecentAllianceLow {
        ratings = List.copyOf(ratings);
    }

    @Override
    public List<Threshold> cuts() {
        return List.of(count);
    }
}
