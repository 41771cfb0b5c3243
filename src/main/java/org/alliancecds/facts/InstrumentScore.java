package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One scale of one administration of an instrument, e.g. the PHQ-9 total of a response on a given date.
 *
 * @param instrument key of the instrument ({@code phq9}, {@code gad7}, …) as defined in fhir-profiles
 * @param scale      the scale or item scored ({@code total}, {@code item9}, …)
 * @param label      how a clinician names it ("PHQ-9 total")
 * @param value      the score
 * @param date       the day it was measured
 * @param source     the FHIR resource it came from ({@code QuestionnaireResponse/abc}), for the audit and cards
 * @param latest     true for the newest administration of this instrument and scale
 */
public record InstrumentScore(String instrument, String scale, String label, double value, LocalDate date,
                              String source, boolean latest) {

    public InstrumentScore {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
    }

    /** Same score, marked as the newest of its instrument and scale. */
    public InstrumentScore asLatest() {
        return new InstrumentScore(instrument, scale, label, value, date, source, true);
    }

    /** The key that identifies what was measured, independent of when. */
    public String measure() {
        return instrument + "." + scale;
    }
}
