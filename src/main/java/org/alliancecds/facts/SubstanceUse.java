package org.alliancecds.facts;

import java.util.List;

/**
 * A latest AUDIT or DAST-10 total at or above its screening cut: substance use is part of the picture.
 * Classified once by {@code rules/common/}.
 *
 * @param score the screen
 * @param cut the threshold it was found beyond
 */
public record SubstanceUse(InstrumentScore score, Threshold cut) implements Grounded {

    @Override
    public List<Threshold> cuts() {
        return List.of(cut);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
