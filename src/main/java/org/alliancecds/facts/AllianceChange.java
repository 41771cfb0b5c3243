package org.alliancecds.facts;

import java.util.List;

/**
 * Two consecutive patient ratings of the alliance on the same instrument in the current episode: a drop between
 * them may be a rupture.
 *
 * @param before the earlier rating
 * @param after  the later rating
 */
public record AllianceChange(AllianceRating before, AllianceRating after) implements Grounded {

    /** How far the rating fell, on the instrument's own scale (negative when it rose). */
    public double drop() {
        return before.value() - after.value();
    }

    /** Whether this is the change up to the patient's newest rating. */
    public boolean latest() {
        return after.latest();
    }

    public String ruptureThreshold() {
        return after.ruptureThreshold();
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(before.score(), after.score());
    }
}
