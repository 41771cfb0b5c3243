package org.alliancecds.facts;

import java.util.Map;
import java.util.Optional;

/**
 * How long a score describes the patient "now", per instrument: the {@code <instrument>.fresh-days} rows of the
 * thresholds table, with {@code <instrument>.<scale>.fresh-days} for a scale that needs its own (PHQ-9 item 9).
 * A score is current while it is in the current episode and no older than its window; an instrument without a
 * window has no current scores, so a forgotten row silences its rules rather than letting old data speak as new.
 *
 * @param days window in days by instrument key or by measure ({@code instrument.scale})
 */
public record FreshnessWindows(Map<String, Integer> days) {

    /** The suffix of a window's id in the thresholds table. */
    public static final String SUFFIX = ".fresh-days";

    public FreshnessWindows {
        days = Map.copyOf(days);
    }

    /** The windows among thresholds by id: every {@code ….fresh-days} row. */
    public static FreshnessWindows of(Iterable<Threshold> thresholds) {
        Map<String, Integer> windows = new java.util.HashMap<>();
        for (Threshold threshold : thresholds) {
            if (threshold.id().endsWith(SUFFIX)) {
                windows.put(threshold.id().substring(0, threshold.id().length() - SUFFIX.length()),
                        (int) threshold.value());
            }
        }
        return new FreshnessWindows(windows);
    }

    /** The window of a score's measure, else of its instrument. */
    public Optional<Integer> of(InstrumentScore score) {
        return Optional.ofNullable(days.get(score.measure())).or(() -> Optional.ofNullable(days.get(score.instrument())));
    }

    /** Whether the score describes the patient now, given the episode the patient is in. */
    public boolean current(InstrumentScore score, TreatmentEpisode now) {
        return score.episode() == now.number() && of(score).map(window -> score.ageDays() <= window).orElse(false);
    }
}
