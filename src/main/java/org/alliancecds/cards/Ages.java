package org.alliancecds.cards;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How old a score is, as a clinician says it: "today", "yesterday", "12 days ago". */
final class Ages {

    private Ages() {
    }

    static String of(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(date, today);
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        return days > 0 ? days + " days ago" : "in " + -days + " days";
    }
}
