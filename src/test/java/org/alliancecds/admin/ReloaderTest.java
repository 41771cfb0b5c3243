package org.alliancecds.admin;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.rules.RuleEngine;
import org.alliancecds.rules.RuleProblem;
import org.alliancecds.rules.ShippedRules;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits reach service without a restart; a broken edit is refused at its line and the last good rules keep serving. */
class ReloaderTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path rules;

    private RuleEngine engine;
    private Reloader reloader;

    @BeforeEach
    void serveACopyOfTheShippedRules() throws IOException {
        ShippedRules.copyTo(rules);
        InstrumentScoring scoring = new InstrumentScoring("fhir-profiles", PatientFacts.DEFAULT_EPISODE_GAP_DAYS, CLOCK);
        scoring.load();
        engine = new RuleEngine(rules.toString(), CLOCK);
        engine.load();
        reloader = new Reloader(rules, Path.of("fhir-profiles"), scoring, engine, CLOCK);
        reloader.markLoaded();
    }

    private boolean anxietyFiresAt(double gad7) {
        InstrumentScore score = InstrumentScore.measured("gad7", "total", "GAD-7 total", gad7, LocalDate.now(),
                "QuestionnaireResponse/g", "patient", null, true);
        PatientFacts facts = PatientFacts.of("p", List.of(score), List.of(), List.of(), LocalDate.now(), 90);
        return engine.evaluate(facts).findings().stream().map(Finding::ruleId).anyMatch("ANXIETY-PERCEPTION"::equals);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
    }

    @Test
    void nothingChangedNothingReloads() {
        assertFalse(reloader.checkNow());
        assertTrue(reloader.history().isEmpty());
    }

    @Test
    void anEditedThresholdServesTheNextEvaluation() throws IOException {
        String before = engine.inService().orElseThrow().version();
        assertFalse(anxietyFiresAt(9));
        replace("thresholds.csv", "gad7.moderate,10,", "gad7.moderate,9,");
        assertTrue(reloader.checkNow());
        assertTrue(anxietyFiresAt(9));
        ReloadRecord record = reloader.history().get(0);
        assertTrue(record.accepted());
        assertNotEquals(before, record.version());
        assertEquals(engine.inService().orElseThrow().version(), record.version());
    }

    @Test
    void aBrokenRuleIsRefusedAtItsLineAndTheLastGoodRulesServe() throws IOException {
        String serving = engine.inService().orElseThrow().version();
        replace("anxiety-perception.drl", "latest, value >=", "latest value >=");
        assertTrue(reloader.checkNow());
        ReloadRecord refused = reloader.history().get(0);
        assertFalse(refused.accepted());
        assertEquals(serving, refused.version());
        RuleProblem problem = refused.problems().get(0);
        assertEquals("anxiety-perception.drl", problem.file());
        List<String> lines = Files.readAllLines(rules.resolve("anxiety-perception.drl"));
        assertTrue(lines.get(problem.line() - 1).contains("latest value >="), problem.toString());
        assertEquals(serving, engine.inService().orElseThrow().version());
        assertTrue(anxietyFiresAt(10), "the last good rules still serve");

        replace("anxiety-perception.drl", "latest value >=", "latest, value >=");
        assertTrue(reloader.checkNow());
        assertTrue(reloader.history().get(0).accepted());
    }
}
