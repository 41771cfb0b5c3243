package org.alliancecds.admin;

import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures other than a bad rule or profile file: each is in the reload history whatever its exception, and a
 * failure at start-up is retried until a generation is in service.
 */
class ReloadFailuresTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Path RULES = Path.of("rules");
    private static final Path PROFILES = Path.of("fhir-profiles");
    // Only a bound against a hang: the retries come after milliseconds; a loaded machine may be slow to run them.
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Generation shipped;
    private final InService inService = new InService();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void buildTheShippedGeneration() {
        shipped = new Generation(new InstrumentScoring(PROFILES.toString(), PatientFacts.DEFAULT_EPISODE_GAP_DAYS,
                CLOCK).load(), new RuleEngine(RULES.toString(), CLOCK).compile());
    }

    @AfterEach
    void stopRetrying() {
        scheduler.shutdownNow();
    }

    /** Fails the first {@code failures} builds with what {@code failure} gives, then builds the shipped generation. */
    private static Supplier<Generation> failingFirst(int failures, Supplier<? extends Throwable> failure,
                                                    AtomicInteger builds) {
        return () -> {
            if (builds.incrementAndGet() <= failures) {
                Throwable thrown = failure.get();
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
            return shipped;
        };
    }

    @Test
    void anErrorThatIsNoRuleProblemIsInTheHistoryAndTheLastGenerationServes() {
        inService.put(shipped);
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(RULES, PROFILES,
                failingFirst(1, () -> new NoClassDefFoundError("org/kie/api/KieServices"), builds), inService, CLOCK);

        assertFalse(reloader.loadNow());
        ReloadRecord refused = reloader.history().get(0);
        assertFalse(refused.accepted());
        assertEquals(shipped.ruleBase().version(), refused.version());
        assertTrue(refused.problems().get(0).message().contains("NoClassDefFoundError: org/kie/api/KieServices"),
                refused.problems().toString());
        assertSame(shipped, inService.require());
    }

    @Test
    void aRuntimeExceptionOfAnyKindIsInTheHistory() {
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(RULES, PROFILES, failingFirst(1,
                () -> new IllegalStateException("the KIE container is closed"), builds), inService, CLOCK);

        assertFalse(reloader.loadNow());
        assertTrue(reloader.history().get(0).problems().get(0).message().contains("the KIE container is closed"));
        assertTrue(inService.whyNone().orElseThrow().contains("the KIE container is closed"),
                () -> "readiness does not say why: " + inService.whyNone());
    }

    @Test
    void aTransientFailureAtStartUpIsRetriedUntilAGenerationIsInService() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(RULES, PROFILES, failingFirst(3,
                () -> new UncheckedIOException(new NoSuchFileException("rules (share not mounted yet)")), builds),
                inService, CLOCK);

        reloader.loadUntilServing(scheduler, Duration.ofMillis(5), Duration.ofMillis(20));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (inService.current().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertSame(shipped, inService.current().orElse(null), () -> "not in service after " + builds + " builds: "
                + reloader.history());
        List<ReloadRecord> history = reloader.history();
        assertEquals(List.of(true, false, false, false), history.stream().map(ReloadRecord::accepted).toList());
        assertEquals(4, builds.get());
    }

    @Test
    void nothingIsRetriedOnceAGenerationIsInService() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(RULES, PROFILES, failingFirst(0, IllegalStateException::new, builds),
                inService, CLOCK);

        reloader.loadUntilServing(scheduler, Duration.ofMillis(5), Duration.ofMillis(20));
        scheduler.shutdown();
        assertTrue(scheduler.awaitTermination(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, builds.get(), "a generation in service was loaded again");
    }
}
