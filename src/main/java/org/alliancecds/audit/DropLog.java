package org.alliancecds.audit;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Reports dropped audit entries as one warning line at most per interval, with the count for each reason and the
 * first entry dropped since the last line. A full backlog drops an entry per request: one line each would flood the
 * log just when the database is down and the log is all there is.
 */
final class DropLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> counts = new TreeMap<>();
    private String first;
    private long lastLine;
    private boolean anyLine;

    DropLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Counts one drop, and writes the line when the interval since the last one has passed. */
    synchronized void dropped(String entry, String reason) {
        counts.merge(reason, 1L, Long::sum);
        if (first == null) {
            first = entry;
        }
        long now = nanoClock.getAsLong();
        if (!anyLine || now - lastLine >= intervalNanos) {
            flush(now);
        }
    }

    /** Writes the counts once the interval has passed, so that a last burst of drops is not held back for long. */
    synchronized void flushIfDue() {
        long now = nanoClock.getAsLong();
        if (now - lastLine >= intervalNanos) {
            flush(now);
        }
    }

    /** Writes what was counted since the last line, if anything; at shutdown, so that no count is left unsaid. */
    synchronized void flush() {
        flush(nanoClock.getAsLong());
    }

    private void flush(long now) {
        if (counts.isEmpty()) {
            return;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String reasons = counts.entrySet().stream().map(count -> count.getValue() + " " + count.getKey())
                .collect(Collectors.joining(", "));
        String line = "audit: dropped " + total + (total == 1 ? " entry (" : " entries (") + reasons + "); first: "
                + first;
        log.warning(line);
        counts.clear();
        first = null;
        lastLine = now;
        anyLine = true;
    }
}
