package org.alliancecds.release;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.audit.AuditDatabase;
import org.alliancecds.audit.AuditTrail;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.Shadow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The candidate in shadow on this instance: each live call handed over is answered again by the candidate on one
 * thread of its own, behind a queue of {@value #QUEUE} calls; past that, calls are not compared (counted as
 * dropped, never waited for). Differences and counts are written in batches by {@link #flush()}, which the serving
 * poll calls, so a call costs the live path one queue offer.
 */
@ApplicationScoped
public class ShadowRunner implements Shadow {

    static final int QUEUE = 1000;
    /** Differences kept for writing while the database is away; beyond, the oldest are dropped. */
    static final int PENDING = 10_000;

    private static final Logger LOG = Logger.getLogger(ShadowRunner.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    AuditDatabase database;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ReleaseSettings settings;

    private final ConcurrentLinkedQueue<ShadowDifference> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private ThreadPoolExecutor executor;
    private ShadowStore store;
    private volatile Candidate candidate;
    private final List<Candidate> ended = new ArrayList<>();

    @PostConstruct
    void open() {
        store = new ShadowStore(database.dataSource(), clock);
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), threads,
                (task, full) -> dropped.incrementAndGet());
    }

    @Override
    public boolean running() {
        return candidate != null;
    }

    @Override
    public void offer(Call call) {
        Candidate current = candidate;
        if (current != null) {
            executor.execute(() -> compare(current, call));
        }
    }

    /** The candidate now, or none; a candidate replaced keeps its counts until the next flush writes them. */
    synchronized void use(Optional<SemanticVersion> version, Optional<Generation> generation) {
        Candidate current = candidate;
        if (current != null && version.filter(current.version::equals).isPresent()) {
            return;
        }
        if (current != null) {
            ended.add(current);
        }
        candidate = version.map(v -> new Candidate(v, generation.orElseThrow())).orElse(null);
    }

    Optional<SemanticVersion> candidate() {
        return Optional.ofNullable(candidate).map(current -> current.version);
    }

    /** Calls not compared because the candidate's queue was full, since start. */
    long dropped() {
        return dropped.get();
    }

    /** Calls the candidate failed on (its rules threw), since start; the live answer was not affected. */
    long failed() {
        return failed.get();
    }

    /** Differences dropped unwritten because the database stayed away too long, since start. */
    long lost() {
        return lost.get();
    }

    /** Writes what was compared since the last flush; kept for the next one when the database is away. */
    synchronized void flush() {
        List<ShadowDifference> batch = new ArrayList<>();
        for (ShadowDifference difference; (difference = pending.poll()) != null; ) {
            batch.add(difference);
        }
        try {
            if (!batch.isEmpty()) {
                store.record(batch);
            }
        } catch (RuntimeException e) {
            keep(batch);
            LOG.log(Level.WARNING, "shadow differences not written yet: " + e.getMessage());
            return;
        }
        List<Candidate> counted = new ArrayList<>(ended);
        Optional.ofNullable(candidate).ifPresent(counted::add);
        for (Candidate each : counted) {
            long compared = each.compared.getAndSet(0);
            long differing = each.differing.getAndSet(0);
            if (compared == 0) {
                continue;
            }
            try {
                store.count(each.version, settings.instanceId(), compared, differing);
            } catch (RuntimeException e) {
                each.compared.addAndGet(compared);
                each.differing.addAndGet(differing);
                LOG.log(Level.WARNING, "shadow counts not written yet: " + e.getMessage());
                return;
            }
        }
        ended.clear();
    }

    private void compare(Candidate current, Call call) {
        try {
            List<Shadow.Shown> cards = call.shownWith().apply(current.generation);
            CardDifferences.Context context = new CardDifferences.Context(current.version, call.liveVersion(),
                    settings.instanceId(), clock.instant(), call.hook(), call.hookInstance(),
                    audit.pseudonyms().map(keyed -> keyed.of(call.patientId())).orElse(null));
            List<ShadowDifference> differences = CardDifferences.between(call.live(), cards, context);
            current.compared.incrementAndGet();
            if (!differences.isEmpty()) {
                current.differing.incrementAndGet();
                keep(differences);
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.log(Level.FINE, "the candidate " + current.version + " failed on a call", e);
        }
    }

    private void keep(List<ShadowDifference> differences) {
        pending.addAll(differences);
        while (pending.size() > PENDING && pending.poll() != null) {
            lost.incrementAndGet();
        }
    }

    @PreDestroy
    void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /** A release in shadow, with its counts since the last flush. */
    private static final class Candidate {
        final SemanticVersion version;
        final Generation generation;
        final AtomicLong compared = new AtomicLong();
        final AtomicLong differing = new AtomicLong();

        Candidate(SemanticVersion version, Generation generation) {
            this.version = Objects.requireNonNull(version);
            this.generation = Objects.requireNonNull(generation);
        }
    }
}
