package org.alliancecds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A score that no longer describes the patient now: older than its instrument's window, or from an earlier
 * episode. It reaches the rules in this wrapper only, so that a rule matching {@code InstrumentScore} gets current
 * scores without having to say so; the rules that may read history (the episode's baseline, the suicide item)
 * match this type by name and declare {@code @history} (the rule compiler refuses the one without it).
 *
 * @param score the score, marked not current
 */
public record HistoricalScore(InstrumentScore score) implements Grounded {

    public HistoricalScore {
        Objects.requireNonNull(score, "score");
        if (score.current()) {
            throw new IllegalArgumentException("a current score is not historical: " + score.measure());
        }
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
