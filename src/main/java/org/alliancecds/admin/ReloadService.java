package org.alliancecds.admin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.rules.RuleEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the {@link Reloader} every {@code cds.reload.interval-ms} on the server's managed scheduler; 0 turns it off. */
@ApplicationScoped
public class ReloadService {

    private static final Logger LOG = Logger.getLogger(ReloadService.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "cds.rules.dir", defaultValue = "rules")
    String rulesDirectory;

    @Inject
    @ConfigProperty(name = "cds.profiles.dir", defaultValue = "fhir-profiles")
    String profilesDirectory;

    @Inject
    @ConfigProperty(name = "cds.reload.interval-ms", defaultValue = "2000")
    long intervalMs;

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    @Inject
    Clock clock;

    private Reloader reloader;
    private ScheduledFuture<?> polling;

    /** Starts watching, once start-up has put the first rule base in service. */
    public synchronized void start() {
        reloader = new Reloader(Path.of(rulesDirectory), Path.of(profilesDirectory), scoring, engine, clock);
        reloader.markLoaded();
        if (intervalMs > 0) {
            polling = scheduler.scheduleWithFixedDelay(this::check, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
            LOG.info(() -> "watching " + rulesDirectory + " and " + profilesDirectory + " every " + intervalMs + " ms");
        }
    }

    public synchronized List<ReloadRecord> history() {
        return reloader == null ? List.of() : reloader.history();
    }

    private void check() {
        try {
            reloader.checkNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reload check failed; the rule base in service is unchanged", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
