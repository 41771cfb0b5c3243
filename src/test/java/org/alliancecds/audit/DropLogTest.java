package org.alliancecds.audit;

import org.alliancecds.testing.LogLines;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dropped entries are logged as counts, one line per interval, and nothing counted goes unsaid. */
class DropLogTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LogLines log = LogLines.ofItsOwn();
    private final DropLog drops = new DropLog(log.logger(), Duration.ofMinutes(1), nanos::get);

    @Test
    void aBurstOfDropsIsOneLineAtOnceAndOneLineWithTheCountsAfterTheInterval() {
        drops.dropped("invocation a", "the backlog is full");
        for (int i = 0; i < 998; i++) {
            drops.dropped("invocation b" + i, "the backlog is full");
        }
        drops.dropped("invocation c", "the service is shutting down");
        assertEquals(List.of("audit: dropped 1 entry (1 the backlog is full); first: invocation a"), log.lines());

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        drops.flushIfDue();
        assertEquals(1, log.lines().size(), "a line before the interval passed");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        drops.flushIfDue();
        assertEquals("audit: dropped 999 entries (998 the backlog is full, 1 the service is shutting down); "
                + "first: invocation b0", log.lines().get(1));
    }

    @Test
    void whatIsCountedWhenTheQueueStopsIsWrittenThenAndOnlyOnce() {
        drops.dropped("invocation a", "the backlog is full");
        drops.dropped("invocation b", "not written before shutdown");
        drops.flush();
        drops.flush();
        assertEquals(List.of("audit: dropped 1 entry (1 the backlog is full); first: invocation a",
                "audit: dropped 1 entry (1 not written before shutdown); first: invocation b"), log.lines());
    }
}
