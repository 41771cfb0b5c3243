package org.alliancecds.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fits values to their columns. Identifiers come from EHRs and may be of any length; a row the database refuses
 * for a long value would be lost, so values are cut to the column width instead, and the cut is visible in the
 * row (it ends with {@code …}).
 */
final class Columns {

    static final int ID = 36;
    static final int SHORT = 64;
    static final int NAME = 128;
    static final int STATE = 256;
    static final int LONG = 512;
    static final int LIST = 2048;

    private Columns() {
    }

    static String cut(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        return value.substring(0, width - 1) + "…";
    }

    /** A list as one space-separated column; null when empty, so "none" reads the same in every database. */
    static String joined(List<String> values, int width) {
        return values.isEmpty() ? null : cut(String.join(" ", values), width);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
