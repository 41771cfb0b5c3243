package org.alliancecds.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A treatment episode as the EHR records it (an EpisodeOfCare's period). Where a site records these, they define
 * the episodes instead of the gap between sessions.
 *
 * @param start  its first day
 * @param end    its last day, or null while it is open
 * @param source the resource it came from
 */
public record CarePeriod(LocalDate start, LocalDate end, String source) {

    public CarePeriod {
        Objects.requireNonNull(start, "start");
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
