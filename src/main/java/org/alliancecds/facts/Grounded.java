package org.alliancecds.facts;

import java.util.List;

/**
 * A derived fact that rests on scores: the scores, and the thresholds they were compared with, that a card shows
 * as the reason when a rule matched it.
 */
public interface Grounded {

    List<InstrumentScore> grounds();

    /** The thresholds the classification applied, if it applied any. */
    default List<Threshold> cuts() {
        return List.of();
    }
}
