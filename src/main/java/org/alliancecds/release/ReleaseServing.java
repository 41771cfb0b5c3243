package org.alliancecds.release;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.audit.AuditDatabase;
import org.alliancecds.audit.AuditTrail;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.hooks.WarmUp;
import org.alliancecds.rules.RuleEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Serves the release the admins activated ({@code cds.rules.source=releases}). Every {@code cds.releases.poll-ms}
 * each instance reads the steps from the shared database: the release active now goes into service whole (a call
 * reads its generation once, so it is answered by exactly one release), one scheduled soon is compiled ahead so the
 * switch costs nothing, the candidate in shadow is compiled and handed to the {@link ShadowRunner}, and the version
 * this instance serves is written as its heartbeat. A database that does not answer leaves the release in service
 * as it is. When the database holds no release at all, the first instance creates one from its folders and
 * activates it (by "installation"), so a new site starts from what it deployed.
 */
@ApplicationScoped
public class ReleaseServing {

    static final String INSTALLATION = "installation";
    /** Compiled releases kept: the one serving, one scheduled, one in shadow and the last one, for a fast rollback. */
    private static final int COMPILED = 4;
    private static final Logger LOG = Logger.getLogger(ReleaseServing.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReleaseSettings settings;

    @Inject
    AuditDatabase database;

    @Inject
    AuditTrail audit;

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    @Inject
    InService inService;

    @Inject
    ShadowRunner shadow;

    @Inject
    WarmUp warmUp;

    @Inject
    Clock clock;

    private final Object compiling = new Object();
    private final Map<SemanticVersion, Generation> compiled = new LinkedHashMap<>(COMPILED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SemanticVersion, Generation> eldest) {
            return size() > COMPILED;
        }
    };
    private ReleaseStore releases;
    private ReleaseEvents events;
    private InstanceStore instances;
    private ScheduledFuture<?> polling;
    private volatile SemanticVersion serving;
    private volatile Instant servingSince;
    private volatile String problem;

    /** Starts polling: the first poll puts the active release in service. */
    public synchronized void start() {
        releases = new ReleaseStore(database.dataSource());
        events = new ReleaseEvents(database.dataSource(), clock);
        instances = new InstanceStore(database.dataSource(), clock);
        inService.noneBecause("starting: reading the active release from the database");
        polling = scheduler.scheduleWithFixedDelay(this::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "serving releases from the database as instance " + settings.instanceId() + ", polling every "
                + settings.poll().toMillis() + " ms");
    }

    /** The release this instance serves, if one is in service yet. */
    public Optional<SemanticVersion> serving() {
        return Optional.ofNullable(serving);
    }

    public Optional<Instant> servingSince() {
        return Optional.ofNullable(servingSince);
    }

    /** This instance's name in the heartbeats. */
    public String instanceId() {
        return settings.instanceId();
    }

    /** Why the last poll failed, or empty when it did not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The compiled generation of a stored release (compiled once, then kept while in use). */
    public Generation generation(SemanticVersion version) {
        synchronized (compiling) {
            Generation cached = compiled.get(version);
            if (cached != null) {
                return cached;
            }
            Release release = releases.release(version).orElseThrow(() -> new ReleaseRefusedException(
                    "release " + version + " is not stored"));
            Generation generation = compile(release);
            compiled.put(version, generation);
            return generation;
        }
    }

    /**
     * Runs work that compiles rules (a release's creation, whose check compiles it) one at a time with this
     * instance's own compiling: Drools' repository is keyed by version, and two compilations of one content at once
     * may clash.
     */
    <T> T whileNothingElseCompiles(Supplier<T> work) {
        synchronized (compiling) {
            return work.get();
        }
    }

    private void poll() {
        if (audit.pseudonyms().isEmpty()) {
            // the audit has not reached its database yet: until it has, the release tables may not exist
            if (serving == null) {
                inService.noneBecause("waiting for the database the releases are kept in");
            }
            return;
        }
        try {
            installIfEmpty();
            Instant now = clock.instant();
            Optional<ReleaseEvent> active = events.activeAt(now);
            if (active.isEmpty()) {
                throw new ReleaseRefusedException("no release is active: activate one");
            }
            putInService(active.get().version(), now);
            events.scheduledAfter(now).filter(next -> next.effectiveAt().isBefore(now.plus(settings.switchDelay())
                    .plus(settings.poll()))).ifPresent(next -> generation(next.version()));
            Optional<SemanticVersion> candidate = events.shadowCandidate().map(ReleaseEvent::version);
            shadow.use(candidate, candidate.map(this::generation));
            instances.heartbeat(settings.instanceId(), serving.toString(), servingSince);
            shadow.flush();
            problem = null;
        } catch (RuntimeException | LinkageError e) {
            // whatever it is: an exception escaping a fixed-delay task would end the polling for good
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!reason.equals(problem)) {
                LOG.log(Level.WARNING, "release poll failed; the release in service is unchanged: " + reason, e);
            }
            problem = reason;
            if (serving == null) {
                inService.noneBecause("no release in service yet: " + reason);
            }
        }
    }

    private void putInService(SemanticVersion version, Instant now) {
        if (version.equals(serving)) {
            return;
        }
        Generation generation = generation(version);
        inService.put(generation);
        SemanticVersion before = serving;
        serving = version;
        servingSince = now;
        LOG.info(() -> "release " + version + " in service (rule base " + generation.ruleBase().version() + ")"
                + (before == null ? "" : ", after " + before));
    }

    private void installIfEmpty() {
        if (serving != null || !releases.releases().isEmpty()) {
            return;
        }
        String comment = "the first release, from the folders deployed with the service";
        Release first;
        try {
            first = whileNothingElseCompiles(() -> new ReleaseCreation(releases, clock, Optional.empty())
                    .create(settings.rulesFolder(), settings.profilesFolder(), Optional.empty(), INSTALLATION,
                            comment));
            releases.save(first);
        } catch (ReleaseRefusedException | ReleaseStoreException raced) {
            if (releases.releases().isEmpty()) {
                throw raced;
            }
            return; // another instance installed it first
        }
        Instant now = clock.instant();
        events.record(ReleaseEvent.activation(first.version(), INSTALLATION, now, comment, now));
        LOG.info(() -> "installed release " + first.version() + " from " + settings.rulesFolder() + " and "
                + settings.profilesFolder());
    }

    /**
     * Writes the release's files to a folder of its own, compiles them as the folders are, warms the result up with
     * the release's scenario cases, and removes the folder.
     */
    private Generation compile(Release release) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("alliance-cds-release-");
            release.content().materialise(folder);
            // the rule base's version (in the audit and on every card) is the release's, whatever the file says
            Files.writeString(folder.resolve(ReleaseContent.RULES).resolve("VERSION"), release.version().toString());
            Path rules = folder.resolve(ReleaseContent.RULES);
            Generation generation = new Generation(scoring.load(folder.resolve(ReleaseContent.PROFILES)),
                    engine.compile(rules));
            warmUp.warm(generation, ScenarioCases.warmUpCalls(rules, LocalDate.now(clock)));
            return generation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.FINE, "a release folder was left behind: " + folder, e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
