package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One session's rating of the therapeutic alliance (SRS total, WAI-SR mean), on its own scale and normalised to
 * 0–1 so that ratings on different instruments can be compared and put on one trajectory.
 *
 * @param score      the rating as scored
 * @param normalised the rating on 0–1: {@code (value − min) / (max − min)} of its scale's range
 * @param latest     true for the newest rating by the same rater (patient or therapist), whatever the instrument,
 *                   while it is current; a newest rating that has aged out of its window is no one's latest
 */
public record AllianceRating(InstrumentScore score, double normalised, boolean latest)
        implements Grounded {

    public static final String PATIENT = "patient";

    public AllianceRating {
        Objects.requireNonNull(score, "score");
    }

    public String instrument() {
        return score.instrument();
    }

    public String measure() {
        return score.measure();
    }

    public String rater() {
        return score.rater();
    }

    public boolean patientRated() {
        return PATIENT.equals(score.rater());
    }

    public double value() {
        return score.value();
    }

    public LocalDate date() {
        return score.date();
    }

    public int episode() {
        return score.episode();
    }

    public int session() {
        return score.session();
    }

    /** Whether it describes the alliance now (current episode, within its instrument's window). */
    public boolean current() {
        return score.current();
    }

    /** The id, in the thresholds table, of the cut below which this instrument's rating is low. */
    public String lowThreshold() {
        return score.measure() + ".low";
    }

    /** The id of the drop between two ratings that marks a rupture on this instrument. */
    public String ruptureThreshold() {
        return score.measure() + ".rupture-drop";
    }

    /** A value on this rating's own scale, normalised as the rating is. */
    public double normalise(double onScale) {
        ScaleRange range = score.range();
        return range.normalise(onScale);
    }

    @Override
    public List<InstrumentScore> grounds() {
        return List.of(score);
    }
}
