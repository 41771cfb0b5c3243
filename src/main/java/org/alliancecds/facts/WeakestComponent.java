package org.alliancecds.facts;

import java.util.List;

/**
 * The part of the alliance (Bordin 1979: agreement on goals, on tasks, and the bond) that a low patient rating
 * singles out: the component scale below its cut and lower than every other component of the same rating by at
 * least the instrument's margin. Classified by {@code rules/common/}; a low rating without one is low in several
 * parts. Which scale measures which component is data: its construct in {@code fhir-profiles/scoring}
 * ({@code alliance-bond}, {@code alliance-goals}, {@code alliance-tasks}, {@code alliance-overall}).
 *
 * @param rating the low rating
 * @param part   the component's score in the same response
 * @param cut    the component cut it is below
 * @param margin the margin by which it is the lowest
 */
public record WeakestComponent(AllianceRating rating, InstrumentScore part, Threshold cut, Threshold margin)
        implements Concern {

    /** {@code bond}, {@code goals}, {@code tasks} or {@code overall}. */
    public String component() {
        return part.component();
    }

    @Override
    public List<Threshold> cuts() {
        return List.of(cut, margin);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(part);
    }
}
