package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An answer kept as given rather than scored: the referral source of an intake form, whether treatment is
 * mandated, the style of therapy the patient prefers.
 *
 * @param instrument the form's key ({@code intake})
 * @param item       the item's key ({@code referral-source})
 * @param label      how clinicians name it
 * @param code       the answer: a code of our code systems, or {@code true}/{@code false} for a yes/no item
 * @param date       the day it was given
 * @param source     the resource it came from
 * @param latest     true for the newest answer to this item
 */
public record CodedAnswer(String instrument, String item, String label, String code, LocalDate date, String source,
                          boolean latest) {

    public CodedAnswer {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(date, "date");
    }

    public CodedAnswer asLatest() {
        return new CodedAnswer(instrument, item, label, code, date, source, true);
    }

    public String question() {
        return instrument + "." + item;
    }
}
