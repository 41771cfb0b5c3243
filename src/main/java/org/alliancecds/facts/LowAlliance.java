package org.alliancecds.facts;

import java.util.List;

/**
 * A patient's alliance rating that is low by its instrument's own cut-offs (SRS total or an SRS item, WAI-SR
 * mean), classified once by {@code rules/common/} and used by every rule that cares.
 *
 * @param rating the low rating
 * @param cut the threshold it was found beyond
 */
public record LowAlliance(AllianceRating rating, Threshold cut) implements Concern {

    @Override
    public List<Threshold> cuts() {
        return List.of(cut);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(rating.score());
    }
}
