package org.alliancecds.facts;

import java.util.List;

/** A derived fact that rests on scores: the scores a card shows as the reason when a rule matched it. */
public interface Grounded {

    List<InstrumentScore> grounds();
}
