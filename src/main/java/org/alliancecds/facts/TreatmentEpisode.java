package org.alliancecds.facts;

import java.time.LocalDate;

/**
 * A stretch of treatment: sessions with no gap longer than the episode gap between them. Rules that speak of
 * "session n" speak of the current episode.
 *
 * @param number        1 for the patient's first episode
 * @param sessions      how many measured sessions it has
 * @param firstSession  the day of its first session, or null for a current episode with none yet
 * @param lastSession   the day of its last session, or null
 * @param current       whether it is the episode the patient is in now
 */
public record TreatmentEpisode(int number, int sessions, LocalDate firstSession, LocalDate lastSession,
                               boolean current) {
}
