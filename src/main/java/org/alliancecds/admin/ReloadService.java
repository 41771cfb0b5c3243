package org.alliancecds.admin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.hooks.WarmUp;
import org.alliancecds.rules.RuleEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the first generation in service (retrying with a growing pause until one is), then runs the
 * {@link Reloader} every {@code cds.reload.interval-ms} on the server's managed scheduler; 0 turns watching off.
 */
@ApplicationScoped
public class ReloadService {

    private static final Logger LOG = Logger.getLogger(ReloadService.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

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
    @ConfigProperty(name = "cds.startup.retry-max-delay-ms", defaultValue = "60000")
    long retryMaxDelayMs;

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    @Inject
    InService inService;

    @Inject
    WarmUp warmUp;

    @Inject
    Clock clock;

    private Reloader reloader;
    private ScheduledFuture<?> polling;

    /** Loads the first generation now (retried until one is in service), then watches the directories. */
    public synchronized void start() {
        reloader = new Reloader(Path.of(rulesDirectory), Path.of(profilesDirectory), this::build, inService, clock);
        reloader.loadUntilServing(scheduler, FIRST_RETRY, Duration.ofMillis(Math.max(retryMaxDelayMs, 1)));
        if (intervalMs > 0) {
            polling = scheduler.scheduleWithFixedDelay(this::check, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
            LOG.info(() -> "watching " + rulesDirectory + " and " + profilesDirectory + " every " + intervalMs + " ms");
        }
    }

    public synchronized List<ReloadRecord> history() {
        return reloader == null ? List.of() : reloader.history();
    }

    /**
     * The instruments and the rule base, read and compiled together, then warmed up; nothing goes into service if
     * either fails.
     */
    private Generation build() {
        Generation generation = new Generation(scoring.load(), engine.compile());
        warmUp.warm(generation, ScenarioCases.warmUpCalls(Path.of(rulesDirectory), LocalDate.now(clock)));
        return generation;
    }

    private void check() {
        try {
            reloader.checkNow();
        } catch (RuntimeException | LinkageError e) {
            // Caught whatever it is: an exception escaping a fixed-delay task would end the watching for good.
            LOG.log(Level.WARNING, "reload check failed; the generation in service is unchanged", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
