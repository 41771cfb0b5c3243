package org.alliancecds.admin;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.PrefetchQuery;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleEngine;
import org.alliancecds.rules.RuleProblem;
import org.alliancecds.rules.ShippedRules;
import org.alliancecds.testing.Folders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Edits reach service without a restart, as one whole generation; a broken edit is refused at its line and the last
 * good generation keeps serving, profiles and rules together.
 */
class ReloaderTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path rules;

    @TempDir
    Path profiles;

    private final InService inService = new InService();
    private Reloader reloader;

    @BeforeEach
    void serveACopyOfTheShippedRulesAndProfiles() throws IOException {
        ShippedRules.copyTo(rules);
        Folders.copy(Path.of("fhir-profiles"), profiles);
        InstrumentScoring scoring = new InstrumentScoring(profiles.toString(), PatientFacts.DEFAULT_EPISODE_GAP_DAYS,
                CLOCK);
        RuleEngine engine = new RuleEngine(rules.toString(), CLOCK);
        reloader = new Reloader(rules, profiles, () -> new Generation(scoring.load(), engine.compile()), inService,
                CLOCK);
        assertTrue(reloader.loadNow(), () -> "the shipped files did not load: " + reloader.history());
    }

    private boolean anxietyFiresAt(double gad7) {
        InstrumentScore score = InstrumentScore.measured("gad7", "total", "GAD-7 total", gad7, LocalDate.now(),
                "QuestionnaireResponse/g", "patient", null, true);
        PatientFacts facts = PatientFacts.of("p", List.of(score), List.of(), List.of(), LocalDate.now(), 90);
        return RuleEngine.evaluate(inService.require().ruleBase(), facts).findings().stream().map(Finding::ruleId)
                .anyMatch("ANXIETY-PERCEPTION"::equals);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> "test set-up: " + file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to));
    }

    private String observationCodes() {
        return inService.require().instruments().queries().stream().filter(query -> "observations".equals(query.key()))
                .map(PrefetchQuery::template).findFirst().orElseThrow();
    }

    @Test
    void nothingChangedNothingReloads() {
        int loads = reloader.history().size();
        assertFalse(reloader.checkNow());
        assertEquals(loads, reloader.history().size());
    }

    @Test
    void anEditedThresholdServesTheNextEvaluation() throws IOException {
        String before = inService.require().ruleBase().version();
        assertFalse(anxietyFiresAt(9));
        replace(rules.resolve("thresholds.csv"), "gad7.moderate,10,", "gad7.moderate,9,");
        assertTrue(reloader.checkNow());
        assertTrue(anxietyFiresAt(9));
        ReloadRecord record = reloader.history().get(0);
        assertTrue(record.accepted());
        assertNotEquals(before, record.version());
        assertEquals(inService.require().ruleBase().version(), record.version());
    }

    @Test
    void aBrokenRuleIsRefusedAtItsLineAndTheLastGoodRulesServe() throws IOException {
        String serving = inService.require().ruleBase().version();
        replace(rules.resolve("anxiety-perception.drl"), "latest, value >=", "latest value >=");
        assertTrue(reloader.checkNow());
        ReloadRecord refused = reloader.history().get(0);
        assertFalse(refused.accepted());
        assertEquals(serving, refused.version());
        RuleProblem problem = refused.problems().get(0);
        assertEquals("anxiety-perception.drl", problem.file());
        List<String> lines = Files.readAllLines(rules.resolve("anxiety-perception.drl"));
        assertTrue(lines.get(problem.line() - 1).contains("latest value >="), problem.toString());
        assertEquals(serving, inService.require().ruleBase().version());
        assertTrue(anxietyFiresAt(10), "the last good rules still serve");

        replace(rules.resolve("anxiety-perception.drl"), "latest value >=", "latest, value >=");
        assertTrue(reloader.checkNow());
        assertTrue(reloader.history().get(0).accepted());
    }

    /** Profiles that load beside rules that fail must not go into service: the call would mix two generations. */
    @Test
    void profilesThatLoadBesideRulesThatFailStayOutOfService() throws IOException {
        Generation before = inService.require();
        String codes = observationCodes();
        assertTrue(codes.contains("44261-6"), "test set-up: the PHQ-9 total's LOINC code is asked for: " + codes);
        replace(profiles.resolve("scoring/phq9.json"), "44261-6", "99999-9");
        replace(rules.resolve("anxiety-perception.drl"), "latest, value >=", "latest value >=");

        assertTrue(reloader.checkNow());
        assertFalse(reloader.history().get(0).accepted());
        assertSame(before, inService.require(), "a failed reload changed what is in service");
        assertEquals(codes, observationCodes(), "the edited profiles went into service without their rules");
    }

    /** Negative control of the test above: with the rules fixed, the same profile edit does go into service. */
    @Test
    void theSameProfileEditWithGoodRulesGoesIntoServiceWhole() throws IOException {
        Generation before = inService.require();
        replace(profiles.resolve("scoring/phq9.json"), "44261-6", "99999-9");
        assertTrue(reloader.checkNow());
        assertTrue(reloader.history().get(0).accepted(), () -> reloader.history().get(0).problems().toString());
        assertNotSame(before, inService.require());
        assertTrue(observationCodes().contains("99999-9"), observationCodes());
    }
}
