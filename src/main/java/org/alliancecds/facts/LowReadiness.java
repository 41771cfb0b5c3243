package org.alliancecds.facts;

import java.util.List;

/**
 * A latest readiness measure (URICA readiness, SOCRATES Recognition, a Readiness Ruler) at or below its cut:
 * the patient is not yet ready for change. Classified once by {@code rules/common/}.
 *
 * @param score the measure
 */
public record LowReadiness(InstrumentScore score) implements Grounded {

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
