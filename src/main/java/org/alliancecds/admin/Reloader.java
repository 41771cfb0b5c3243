package org.alliancecds.admin;

import org.alliancecds.fhir.scoring.ProfileException;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleFileException;
import org.alliancecds.rules.RuleProblem;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts changed rules and profiles in service without a restart. Each check compares a fingerprint of the two
 * directories with the last one seen; on a change it builds a whole new generation (profiles read, rules compiled)
 * and puts it in service in one step, only when every part of it succeeded: profiles that load beside rules that
 * fail stay out of service. Any failure, whatever its exception, leaves the last good generation serving and is
 * kept in the history, logged at its file and line where it has one. Calls in flight are unaffected: each took its
 * generation when it started.
 */
public final class Reloader {

    static final int HISTORY = 50;
    private static final Logger LOG = Logger.getLogger(Reloader.class.getName());

    private final Path rules;
    private final Path profiles;
    private final Supplier<Generation> build;
    private final InService inService;
    private final Clock clock;
    private final Deque<ReloadRecord> history = new ArrayDeque<>();
    private String lastSeen;

    /**
     * @param build reads and compiles one whole generation from the two directories, or throws
     */
    public Reloader(Path rules, Path profiles, Supplier<Generation> build, InService inService, Clock clock) {
        this.rules = rules;
        this.profiles = profiles;
        this.build = build;
        this.inService = inService;
        this.clock = clock;
    }

    /**
     * Loads now, changed or not: at start-up and when it is retried. The fingerprint is taken first, so that an edit
     * made while loading is still seen as a change afterwards.
     *
     * @return whether a new generation went into service
     */
    public synchronized boolean loadNow() {
        try {
            lastSeen = Fingerprint.of(rules, profiles);
        } catch (RuntimeException unreadable) {
            // The load below meets the same trouble and records it; the next check then reloads.
            lastSeen = null;
        }
        return load();
    }

    /**
     * Loads now and, until a generation is in service, again after {@code delay}, doubled each time up to
     * {@code maxDelay}: a transient failure at start-up (a share not mounted yet) must not leave the service
     * unready until someone edits a file.
     */
    public void loadUntilServing(ScheduledExecutorService scheduler, Duration delay, Duration maxDelay) {
        if (inService.current().isPresent() || loadNow()) {
            return;
        }
        Duration next = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        LOG.info(() -> "nothing in service yet; loading again in " + delay.toMillis() + " ms");
        scheduler.schedule(() -> loadUntilServing(scheduler, next, maxDelay), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Reloads when the files changed since the last look; true when something was tried. */
    public synchronized boolean checkNow() {
        String now = Fingerprint.of(rules, profiles);
        if (now.equals(lastSeen)) {
            return false;
        }
        lastSeen = now;
        load();
        return true;
    }

    public synchronized List<ReloadRecord> history() {
        return List.copyOf(history);
    }

    private boolean load() {
        long started = System.nanoTime();
        try {
            Generation next = build.get();
            inService.put(next);
            remember(new ReloadRecord(clock.instant(), true, next.ruleBase().version(), List.of(),
                    millisSince(started)));
            return true;
        } catch (RuleFileException e) {
            refused(e.problems(), started, null);
        } catch (ProfileException e) {
            refused(List.of(new RuleProblem(profiles.relativize(e.file()).toString(), 0, e.getMessage())), started,
                    null);
        } catch (RuntimeException | Error e) {
            // Anything else (an unreadable directory, a class missing from a broken deployment): the message names
            // the exception, since the informaticist reading the history has no stack trace.
            refused(List.of(new RuleProblem(rules + " and " + profiles, 0, e.toString())), started, e);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
        return false;
    }

    private void refused(List<RuleProblem> problems, long started, Throwable unexpected) {
        String serving = inService.ruleBase().map(RuleBase::version).orElse("none");
        problems.forEach(problem -> LOG.log(Level.WARNING, "reload refused, " + serving + " keeps serving: "
                + problem, unexpected));
        inService.noneBecause("the last load failed (" + (problems.isEmpty() ? "no details" : problems.get(0))
                + "); it is retried");
        remember(new ReloadRecord(clock.instant(), false, serving, problems, millisSince(started)));
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private void remember(ReloadRecord record) {
        history.addFirst(record);
        while (history.size() > HISTORY) {
            history.removeLast();
        }
    }
}
