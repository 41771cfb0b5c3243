package org.alliancecds.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the audit for {@code cds.audit.retention-days} and no longer (unset: kept for good, the default, since how
 * long an audit must be kept is the site's decision). Every {@value #EVERY_HOURS} h, and once a minute after start,
 * rows received before the cut-off are removed ({@link Retention}). Every instance of a cluster runs it; the batches
 * of two at once only find less to remove. Fewer than {@value #MINIMUM_DAYS} days is refused: the quiet periods read
 * the answered cards of the last 90 days.
 */
@ApplicationScoped
public class AuditRetention {

    static final int MINIMUM_DAYS = 91;
    static final int EVERY_HOURS = 6;
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditDatabase database;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cds.audit.retention-days")
    Optional<Integer> retentionDays;

    private ScheduledFuture<?> expiring;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (retentionDays.isEmpty()) {
            LOG.info("audit retention: kept for good (cds.audit.retention-days is not set)");
            return;
        }
        int days = retentionDays.get();
        if (days < MINIMUM_DAYS) {
            LOG.severe("cds.audit.retention-days is " + days + "; it must be at least " + MINIMUM_DAYS
                    + " (the quiet periods read 90 days of answered cards): nothing is removed until it is");
            return;
        }
        expiring = scheduler.scheduleWithFixedDelay(() -> expire(Duration.ofDays(days)), FIRST_RUN.toMinutes(),
                TimeUnit.HOURS.toMinutes(EVERY_HOURS), TimeUnit.MINUTES);
        LOG.info(() -> "audit retention: " + days + " days, checked every " + EVERY_HOURS + " h");
    }

    private void expire(Duration kept) {
        if (audit.pseudonyms().isEmpty()) {
            return; // the audit has not reached its database yet
        }
        Instant cutoff = clock.instant().minus(kept);
        long start = System.nanoTime();
        try {
            Map<String, Long> removed = new Retention(database.dataSource()).expire(cutoff);
            LOG.info(() -> "audit retention: removed what came before " + cutoff + ": " + removed + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (SQLException | RuntimeException e) {
            // caught whatever it is: an exception escaping a fixed-delay task would end the expiry for good
            LOG.log(Level.WARNING, "audit retention failed; it runs again in " + EVERY_HOURS + " h", e);
        }
    }

    @PreDestroy
    void stop() {
        if (expiring != null) {
            expiring.cancel(false);
        }
    }
}
