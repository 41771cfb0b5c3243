package org.alliancecds.facts;

import java.util.List;

/**
 * The patient's ratings of the first sessions of the current episode average below their instruments' cut-offs:
 * the alliance has not formed when it usually does. Classified once by {@code rules/common/}.
 *
 * @param episode the episode
 * @param ratings the early ratings
 * @param formedBy the session by which the alliance should have formed
 */
public record EarlyAllianceLow(int episode, List<AllianceRating> ratings, Threshold formedBy) implements Concern {

    public EarlyAllianceLow {
        ratings = List.copyOf(ratings);
    }

    @Override
    public List<Threshold> cuts() {
        return List.of(formedBy);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return ratings.stream().map(AllianceRating::score).toList();
    }
}
