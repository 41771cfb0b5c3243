package org.alliancecds.rules;

import org.alliancecds.testing.RuleCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An informaticist's mistakes are reported at their file and line, all at once, and never go into service. */
class RuleBaseCompilerTest {

    private final RuleBaseCompiler compiler = new RuleBaseCompiler(Clock.systemUTC());

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        ShippedRules.copyTo(rules);
    }

    private List<RuleProblem> problems() {
        return assertThrows(RuleFileException.class, () -> compiler.compile(rules)).problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), "test set-up: " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void shippedRulesCompile() {
        assertEquals(RuleCatalogue.ruleIds(), compiler.compile(rules).rules().keySet());
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() throws IOException {
        edit("anxiety-perception.drl", "latest, value >=", "latest value >=");
        RuleProblem problem = problems().get(0);
        assertEquals("anxiety-perception.drl", problem.file());
        assertEquals(lineOf("anxiety-perception.drl", "latest value >="), problem.line());
    }

    @Test
    void anUnknownThresholdIsReportedWhereItIsUsed() throws IOException {
        edit("anxiety-perception.drl", "\"gad7.moderate\"", "\"gad7.moderat\"");
        RuleProblem problem = problems().get(0);
        assertEquals(new RuleProblem("anxiety-perception.drl", lineOf("anxiety-perception.drl", "\"gad7.moderat\""),
                "threshold 'gad7.moderat' is not in thresholds.csv"), problem);
    }

    @Test
    void aNumberInAConditionIsRefused() throws IOException {
        edit("anxiety-perception.drl", "value >= $moderate.value", "value >= 10");
        assertTrue(problems().get(0).message().startsWith("a condition compares with a number"));
    }

    @Test
    void missingCardTextAndUnknownEvidenceAreBothReported() throws IOException {
        edit("anxiety-perception.drl", "    @action(", "    @unused(");
        edit("severe-symptom-sensitivity.drl", "update-severity", "update-severty");
        List<String> messages = problems().stream().map(RuleProblem::message).toList();
        assertTrue(messages.contains("rule ANXIETY-PERCEPTION has no @action"), messages.toString());
        assertTrue(messages.contains("rule SEVERE-SYMPTOM-SENSITIVITY phq9 cites evidence 'update-severty' that is not"
                + " in evidence.csv"), messages.toString());
    }

    @Test
    void aBadThresholdRowIsReportedWithItsLine() throws IOException {
        edit("thresholds.csv", "gad7.moderate,10,", "gad7.moderate,ten,");
        assertEquals(new RuleProblem("thresholds.csv", lineOf("thresholds.csv", "gad7.moderate,ten,"),
                "value 'ten' is not a number"), problems().get(0));
    }

    @Test
    void aMissingSuggestionIsReported() throws IOException {
        Files.delete(rules.resolve("suggestions/alliance-rating-task.json"));
        assertEquals("rule ALLIANCE-NOT-MEASURED names suggestion 'alliance-rating-task' that is not in suggestions/",
                problems().get(0).message());
    }

    @Test
    void aSecondRuleInACardFileIsRefused() throws IOException {
        String second = Files.readString(rules.resolve("anxiety-perception.drl"))
                .replaceAll("(?s)^.*?(rule \"ANXIETY-PERCEPTION\")", "$1").replace("ANXIETY-PERCEPTION", "ANXIETY-2");
        Files.writeString(rules.resolve("anxiety-perception.drl"), second, StandardOpenOption.APPEND);
        assertTrue(problems().stream().anyMatch(problem -> problem.message().startsWith("holds rules of 2 findings")));
    }

    @Test
    void cardSettingsOutsideWhatTheServiceCanHonourAreRefused() throws IOException {
        edit("thresholds.csv", "cards.quiet-days,30,", "cards.quiet-days,91,");
        edit("thresholds.csv", "cards.max,3,", "cards.max,2.5,");
        List<String> messages = problems().stream().map(RuleProblem::message).toList();
        assertTrue(messages.stream().anyMatch(message -> message.startsWith("cards.quiet-days must be a whole number of"
                + " days from 0 to 90")), messages.toString());
        assertTrue(messages.stream().anyMatch(message -> message.startsWith("cards.max must be a whole number")),
                messages.toString());
    }

    @Test
    void aVariantIsNamedAfterItsIdAndCategory() throws IOException {
        edit("not-on-track.drl", "rule \"NOT-ON-TRACK worse\"", "rule \"NOT-ON-TRACK worsening\"");
        assertTrue(problems().stream().anyMatch(problem -> problem.message().contains(
                "its name must be the catalogue id, followed by the category for a variant: 'NOT-ON-TRACK worse'")));
    }

    @Test
    void anUnknownViewIsRefusedAndTheShippedTrajectoryRulesSayTheyReadOne() throws IOException {
        assertEquals(java.util.Set.of("ALLIANCE-LOW-NOW", "ALLIANCE-NOT-FORMED", "ALLIANCE-RUPTURE", "NOT-ON-TRACK",
                        "PERFECTIONISM-STALL", "RATER-DISCREPANCY", "SUD-RETENTION-RISK"),
                compiler.compile(rules).rules().values().stream().filter(RuleMetadata::readsTrajectory)
                        .map(RuleMetadata::id).collect(java.util.stream.Collectors.toSet()));
        edit("alliance-rupture.drl", "@view(\"trajectory\")", "@view(\"trajectories\")");
        assertTrue(problems().stream().anyMatch(problem -> problem.message().equals("rule ALLIANCE-RUPTURE: @view "
                + "must be one of [trajectory] (or left out), not 'trajectories'")), () -> problems().toString());
    }

    @Test
    void variantsAgreeOnTheirView() throws IOException {
        edit("not-on-track.drl", "    @category(\"worse\")\n    @title(\"Not on track\")\n    @view(\"trajectory\")",
                "    @category(\"worse\")\n    @title(\"Not on track\")");
        assertTrue(problems().stream().anyMatch(problem -> problem.message().contains("differs in @title, @version, "
                + "@safety, @view or file")), () -> problems().toString());
    }

    @Test
    void aRuleThatReadsHistoryWithoutSayingSoIsRefused() throws IOException {
        edit("severe-symptom-sensitivity.drl", "    @history(", "    @unused(");
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("rule reads HistoricalScore but declares no @history"),
                problems.toString());
        assertEquals(lineOf("severe-symptom-sensitivity.drl", "$score : HistoricalScore("), problems.get(0).line());
    }

    @Test
    void aClassificationMayNotReadHistory() throws IOException {
        edit("common/substance-use.drl", "$score : InstrumentScore(instrument == \"audit\", scale == \"total\", latest,",
                "$old : HistoricalScore(score.instrument == \"audit\")\n    $score : InstrumentScore(instrument == \"audit\","
                        + " scale == \"total\", latest,");
        edit("common/substance-use.drl", "import org.alliancecds.facts.InstrumentScore;",
                "import org.alliancecds.facts.HistoricalScore;\nimport org.alliancecds.facts.InstrumentScore;");
        assertTrue(problems().stream().anyMatch(problem -> problem.file().equals("common/substance-use.drl")
                && problem.message().startsWith("a classification rule reads HistoricalScore")), problems().toString());
    }

    @Test
    void anyEditChangesTheVersion() throws IOException {
        String before = compiler.compile(rules).version();
        edit("thresholds.csv", "gad7.moderate,10,", "gad7.moderate,11,");
        String after = compiler.compile(rules).version();
        assertNotEquals(before, after);
        assertTrue(after.startsWith(Files.readString(rules.resolve("VERSION")).trim() + "+"), after);
    }

    private int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file));
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(text)) {
                return index + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
