package org.alliancecds.quiet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * A resource answered cards depend on (the audit database, the cluster's caches) as they see it: after a failure, it
 * is not tried for {@link #PAUSE}, so that hook calls do not each wait for a database that is down; the failure is
 * logged once, and again at most every {@link #LOG_EVERY} while it lasts, with the exception's type and SQL state only
 * (its message may quote values). Thread-safe.
 */
final class Outage {

    static final Duration PAUSE = Duration.ofSeconds(30);
    static final Duration LOG_EVERY = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(Outage.class.getName());

    private final Clock clock;
    private final String resource;
    private Instant pausedUntil = Instant.MIN;
    private Instant loggedAt;
    private long failures;
    private boolean down;

    Outage(Clock clock, String resource) {
        this.clock = clock;
        this.resource = resource;
    }

    /** Whether the resource may be tried now. */
    synchronized boolean mayTry() {
        return !clock.instant().isBefore(pausedUntil);
    }

    synchronized void failed(String doing, Exception e) {
        Instant now = clock.instant();
        pausedUntil = now.plus(PAUSE);
        failures++;
        if (!down || !now.isBefore(loggedAt.plus(LOG_EVERY))) {
            long count = failures;
            LOG.warning(() -> "answered cards: " + doing + " failed (" + describe(e) + "); " + count
                    + " failure(s) of " + resource + " so far; answered cards may be shown again meanwhile");
            loggedAt = now;
        }
        down = true;
    }

    synchronized void succeeded() {
        if (down) {
            long count = failures;
            LOG.info(() -> "answered cards: " + resource + " answers again after " + count + " failure(s)");
            down = false;
            failures = 0;
        }
    }

    private static String describe(Exception e) {
        String state = e instanceof java.sql.SQLException sql ? ", SQL state " + sql.getSQLState() : "";
        return e.getClass().getSimpleName() + state;
    }
}
