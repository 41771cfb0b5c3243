package org.alliancecds.admin;

import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.scoring.ProfileException;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.alliancecds.rules.RuleFileException;
import org.alliancecds.rules.RuleProblem;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Puts changed rules and profiles in service without a restart. Each check compares a fingerprint of the two
 * directories with the last one seen; on a change it reads the profiles and compiles the rules, and a failure
 * leaves the last good ones serving, with the reasons kept in the history and logged at their file and line.
 * Requests in flight are unaffected: each took its rule base when it started.
 */
public final class Reloader {

    static final int HISTORY = 50;
    private static final Logger LOG = Logger.getLogger(Reloader.class.getName());

    private final Path rules;
    private final Path profiles;
    private final InstrumentScoring scoring;
    private final RuleEngine engine;
    private final Clock clock;
    private final Deque<ReloadRecord> history = new ArrayDeque<>();
    private String lastSeen;

    public Reloader(Path rules, Path profiles, InstrumentScoring scoring, RuleEngine engine, Clock clock) {
        this.rules = rules;
        this.profiles = profiles;
        this.scoring = scoring;
        this.engine = engine;
        this.clock = clock;
    }

    /** Remembers what is in service now, so that only later edits count as changes. */
    public synchronized void markLoaded() {
        lastSeen = Fingerprint.of(rules, profiles);
    }

    /** Reloads when the files changed since the last look; true when something was tried. */
    public synchronized boolean checkNow() {
        String now = Fingerprint.of(rules, profiles);
        if (now.equals(lastSeen)) {
            return false;
        }
        lastSeen = now;
        long started = System.nanoTime();
        try {
            scoring.load();
            RuleBase loaded = engine.load();
            remember(new ReloadRecord(clock.instant(), true, loaded.version(), List.of(), millisSince(started)));
        } catch (RuleFileException e) {
            refused(e.problems(), started);
        } catch (ProfileException e) {
            refused(List.of(new RuleProblem(profiles.relativize(e.file()).toString(), 0, e.getMessage())), started);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            refused(List.of(new RuleProblem(rules.toString(), 0, e.getMessage())), started);
        }
        return true;
    }

    public synchronized List<ReloadRecord> history() {
        return List.copyOf(history);
    }

    private void refused(List<RuleProblem> problems, long started) {
        String serving = engine.inService().map(RuleBase::version).orElse("none");
        problems.forEach(problem -> LOG.warning(() -> "reload refused, " + serving + " keeps serving: " + problem));
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
