package org.alliancecds.facts;

import java.util.List;
import java.util.Objects;

/**
 * The first score of a measure in the current episode, whatever its age: the baseline that change is measured
 * from. A history fact: only rules declaring {@code @history} may match it.
 *
 * @param score the episode's first score of its measure
 */
public record EpisodeBaseline(InstrumentScore score) implements Grounded {

    public EpisodeBaseline {
        Objects.requireNonNull(score, "score");
    }

    public String measure() {
        return score.measure();
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
