package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One scale of one administration of an instrument, e.g. the PHQ-9 total of a response on a given date, placed in
 * the patient's treatment: which episode, which session.
 *
 * @param instrument key of the instrument ({@code phq9}, {@code srs}, …) as defined in fhir-profiles
 * @param scale      the scale or item scored ({@code total}, {@code item9}, …)
 * @param label      how a clinician names it ("PHQ-9 total")
 * @param value      the score
 * @param date       the day it was measured
 * @param source     the FHIR resource it came from ({@code QuestionnaireResponse/abc})
 * @param rater      who rated it: {@code patient} or {@code therapist}
 * @param construct  what the scale measures where rules need to know ({@code alliance}), else null
 * @param range      the scale's possible range, or null where its definition gives none
 * @param encounter  the encounter it was measured in, or null
 * @param fromForm   true when it came from a completed form, which is what makes a session
 * @param episode    the treatment episode it belongs to (1 = the first), 0 before placement
 * @param session    its session's number within the episode, 0 when no form was completed that day
 * @param latest     true for the newest administration of this instrument and scale
 * @param ageDays    how many site days old it is
 * @param current    true while it describes the patient now: in the current episode and within its instrument's
 *                   window ({@link FreshnessWindows}); only current scores reach the rules as scores, the others
 *                   reach them wrapped as {@link HistoricalScore}
 */
public record InstrumentScore(String instrument, String scale, String label, double value, LocalDate date,
                              String source, String rater, String construct, ScaleRange range, String encounter,
                              boolean fromForm, int episode, int session, boolean latest, int ageDays,
                              boolean current) {

    /** The prefix of the construct of a scale that measures one part of the alliance. */
    public static final String COMPONENT_PREFIX = "alliance-";

    public InstrumentScore {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rater, "rater");
    }

    /** A score as measured, before it is placed in the patient's episodes and sessions. */
    public static InstrumentScore measured(String instrument, String scale, String label, double value,
                                           LocalDate date, String source, String rater, String encounter,
                                           boolean fromForm) {
        return new InstrumentScore(instrument, scale, label, value, date, source, rater, null, null, encounter,
                fromForm, 0, 0, false, 0, false);
    }

    /** The same score, known to measure a construct on a given range. */
    public InstrumentScore measuring(String whatItMeasures, ScaleRange onRange) {
        return new InstrumentScore(instrument, scale, label, value, date, source, rater, whatItMeasures, onRange,
                encounter, fromForm, episode, session, latest, ageDays, current);
    }

    /** The same score placed in an episode and session, marked newest or not, with its age. */
    public InstrumentScore placed(int inEpisode, int inSession, boolean isLatest, int daysOld) {
        return new InstrumentScore(instrument, scale, label, value, date, source, rater, construct, range,
                encounter, fromForm, inEpisode, inSession, isLatest, daysOld, current);
    }

    /** The same score, judged current (it describes the patient now) or historical. */
    public InstrumentScore judged(boolean describesNow) {
        return new InstrumentScore(instrument, scale, label, value, date, source, rater, construct, range,
                encounter, fromForm, episode, session, latest, ageDays, describesNow);
    }

    /**
     * The part of the alliance this scale measures (Bordin 1979: {@code goals}, {@code tasks}, {@code bond}, or
     * {@code overall} for the SRS overall item), from its construct {@code alliance-<part>}; null for other scales.
     */
    public String component() {
        return construct != null && construct.startsWith(COMPONENT_PREFIX)
                ? construct.substring(COMPONENT_PREFIX.length()) : null;
    }

    /** The key that identifies what was measured, independent of when. */
    public String measure() {
        return instrument + "." + scale;
    }

    /** What makes a session of this score: its encounter when known, else its day. */
    public String sessionKey() {
        return encounter != null ? encounter : date.toString();
    }
}
