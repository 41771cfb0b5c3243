package org.alliancecds.check;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Moves a request back in time: every calendar date in its text, by the same number of days. */
final class Dates {

    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(?=[T\"])");

    private Dates() {
    }

    static String shiftedBack(String text, int days) {
        Matcher matcher = DATE.matcher(text);
        StringBuilder shifted = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(shifted, LocalDate.parse(matcher.group(1)).minusDays(days).toString());
        }
        matcher.appendTail(shifted);
        return shifted.toString();
    }
}
