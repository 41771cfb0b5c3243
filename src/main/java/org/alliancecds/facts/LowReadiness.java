package org.alliancecds.facts;

import java.util.List;

/**
 * A latest readiness measure (URICA readiness, SOCRATES Recognition, a Readiness Ruler) at or below its cut:
 * the patient is not yet ready for change. Classified once by {@code rules/common/}.
 *
 * @param score the measure
 * @param cut the threshold it was found beyond
 */
public record LowReadiness(InstrumentScore score, Threshold cut) implements Grounded {

    @Override
    public List<Threshold> cuts() {
        return List.of(cut);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
