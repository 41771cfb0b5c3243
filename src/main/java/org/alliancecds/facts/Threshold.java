package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A cut-off from the thresholds table. Rules compare scores against these facts, never against literals, so a
 * threshold is changed in one place, with its basis and review date beside it.
 *
 * @param id       stable name used by the rules ({@code phq9.severe})
 * @param value    the cut-off
 * @param unit     unit of the value ("points", "mean item score", …)
 * @param basis    citation, or "provisional: …" when no published cut-off exists
 * @param reviewed when the value was last reviewed
 */
public record Threshold(String id, double value, String unit, String basis, LocalDate reviewed) {

    public Threshold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reviewed, "reviewed");
    }
}
