package org.alliancecds.facts;

import java.util.List;

/**
 * The patient's ratings of the first sessions of the current episode average below their instruments' cut-offs:
 * the alliance started weak, when it usually forms. Classified once by {@code rules/common/}.
 *
 * @param episode  the episode
 * @param ratings  the early ratings
 * @param formedBy the session by which the alliance usually forms
 * @param mean     the mean rating on the instruments' own scale (meaningful when they share one instrument)
 * @param cut      the mean of their cuts on that scale
 * @param normalisedMean the mean on the 0–1 scale
 * @param normalisedCut  the mean cut on the 0–1 scale
 */
public record EarlyAllianceLow(int episode, List<AllianceRating> ratings, Threshold formedBy, double mean,
                               double cut, double normalisedMean, double normalisedCut)
        implements MeanOfRatings {

    public EarlyAllianceLow {
        ratings = List.copyOf(ratings);
    }

    @Override
    public List<Threshold> cuts() {
        return List.of(formedBy);
    }
}
