package org.alliancecds.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.cards.Card;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.scoring.InstrumentCatalogLoader;
import org.alliancecds.hooks.HookAnswer;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;
import org.alliancecds.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invariants rule base 2.0 adds, over a thousand random patients each, and for each a deliberately wrong rule,
 * setting or memory that the same check catches, so that a check that could not fail would show:
 * (1) data older than an episode gap give no card but the safety re-screen; (2) at most {@code cards.max}
 * non-safety cards, and every safety finding a card of its own; (3) after a user's answer, an unchanged clinical
 * state does not bring the answered non-safety card back to that user within the quiet period.
 */
class OverTimeInvariantsTest {

    private static final int PATIENTS = 1000;
    private static final long SEED = 20261206L;
    private static final Path RULES = Path.of("rules");

    @Test
    void dataOlderThanAnEpisodeGapGiveNoCardButTheSafetyReScreen() {
        List<String> violations = staleDataViolations(Pipelines.handler(RULES));
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void aRuleReadingOldScoresAsNowBreaksTheFirstInvariant(@TempDir Path copy) throws IOException {
        Path rules = copiedRules(copy);
        edit(rules.resolve("anxiety-perception.drl"),
                "$gad7 : InstrumentScore(instrument == \"gad7\", scale == \"total\", latest, value >= $moderate.value)",
                "$gad7 : HistoricalScore(score.instrument == \"gad7\", score.scale == \"total\", score.latest,"
                        + " score.value >= $moderate.value)");
        edit(rules.resolve("anxiety-perception.drl"), "    @priority(", "    @history(\"wrong on purpose\")\n    @priority(");
        edit(rules.resolve("anxiety-perception.drl"), "import org.alliancecds.facts.InstrumentScore;",
                "import org.alliancecds.facts.HistoricalScore;\nimport org.alliancecds.facts.InstrumentScore;");
        assertFalse(staleDataViolations(Pipelines.handler(rules)).isEmpty());
    }

    @Test
    void noMoreThanTheCapOfNonSafetyCardsAndEverySafetyFindingIsACard() {
        List<String> violations = capViolations(Pipelines.handler(RULES), Pipelines.ruleBase(RULES));
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void aSafetyRuleNotMarkedSafeUnderACapOfNothingBreaksTheSecondInvariant(@TempDir Path copy) throws IOException {
        Path rules = copiedRules(copy);
        edit(rules.resolve("suicide-risk-item.drl"), "    @safety(\"true\")\n", "");
        edit(rules.resolve("thresholds.csv"), "cards.max,3,", "cards.max,0,");
        assertFalse(capViolations(Pipelines.handler(rules), Pipelines.ruleBase(RULES)).isEmpty());
    }

    @Test
    void anAnsweredCardStaysQuietForThatUserWhileTheStateIsUnchanged() {
        RememberingMemory memory = RememberingMemory.remembering();
        List<String> violations = repeatViolations(Pipelines.handler(RULES, memory), memory);
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void aMemoryThatForgetsBreaksTheThirdInvariant() {
        RememberingMemory forgetful = RememberingMemory.forgettingAnswers();
        assertFalse(repeatViolations(Pipelines.handler(RULES, forgetful), forgetful).isEmpty());
    }

    private static List<String> staleDataViolations(HookHandler handler) {
        RandomPatients patients = patients();
        List<String> violations = new ArrayList<>();
        for (int index = 0; index < PATIENTS; index++) {
            String request = shiftedBack(patients.next("stale-" + index), PatientFacts.DEFAULT_EPISODE_GAP_DAYS + 1);
            for (Card card : handler.answer("alliance-patient-view", request)) {
                boolean reScreen = card.source().topic().code().equals("SUICIDE-RISK-ITEM")
                        && card.indicator().equals("warning");
                if (!reScreen) {
                    violations.add("patient " + index + ": " + card.source().topic().code() + " "
                            + card.indicator() + ": " + card.summary());
                }
            }
        }
        return violations;
    }

    private static List<String> capViolations(HookHandler handler, RuleBase shipped) {
        RandomPatients patients = patients();
        int max = shipped.threshold("cards.max").orElseThrow().intValue();
        Set<String> safetyRules = shipped.variants().stream().filter(RuleMetadata::safety).map(RuleMetadata::id)
                .collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        int capped = 0;
        for (int each = 0; each < PATIENTS; each++) {
            int index = each;
            HookAnswer answer = handler.answerExplained("alliance-patient-view",
                    patients.next("cap-" + index).toString());
            Set<String> cardRules = answer.cards().stream().map(card -> card.source().topic().code())
                    .collect(Collectors.toSet());
            long nonSafety = answer.cards().stream()
                    .filter(card -> !safetyRules.contains(card.source().topic().code())).count();
            if (nonSafety > max) {
                violations.add("patient " + index + ": " + nonSafety + " non-safety cards");
            }
            answer.evaluation().findings().stream().filter(finding -> safetyRules.contains(finding.ruleId()))
                    .filter(finding -> !cardRules.contains(finding.ruleId()))
                    .forEach(finding -> violations.add("patient " + index + ": " + finding.ruleId() + " is no card"));
            capped += answer.evaluation().findings().size() > cardRules.size() ? 1 : 0;
        }
        assertTrue(capped >= 50, "the random patients reach the cap often enough to test it: " + capped);
        return violations;
    }

    private static List<String> repeatViolations(HookHandler handler, RememberingMemory memory) {
        RandomPatients patients = patients();
        List<String> violations = new ArrayList<>();
        java.util.Random answers = new java.util.Random(SEED);
        int answered = 0;
        for (int each = 0; each < PATIENTS; each++) {
            int index = each;
            String request = patients.next("quiet-" + index).toString();
            List<Card> first = handler.answerExplained("alliance-patient-view", request).cards();
            List<String> answeredRules = new ArrayList<>();
            for (Card card : first) {
                String rule = card.source().topic().code();
                if (!rule.equals("SUICIDE-RISK-ITEM") && answers.nextBoolean()) {
                    boolean accept = answers.nextBoolean();
                    memory.answer(card.uuid(), accept ? "accepted" : "overridden", accept ? null : "not-applicable",
                            Clock.systemDefaultZone().instant().minusSeconds(86_400L * answers.nextInt(29)));
                    answeredRules.add(rule);
                }
            }
            answered += answeredRules.size();
            handler.answerExplained("alliance-patient-view", request).cards().stream()
                    .map(card -> card.source().topic().code()).filter(answeredRules::contains)
                    .forEach(rule -> violations.add("patient " + index + ": " + rule + " shown again"));
        }
        assertTrue(answered >= 200, "enough cards are answered to test the quiet period: " + answered);
        return violations;
    }

    private static RandomPatients patients() {
        return new RandomPatients(SEED, InstrumentCatalogLoader.load(Path.of("fhir-profiles")).definitions(),
                LocalDate.now(ZoneId.systemDefault()));
    }

    /** The request with every date in it moved back by that many days. */
    private static String shiftedBack(ObjectNode request, int days) {
        return Dates.shiftedBack(request.toString(), days);
    }

    private static Path copiedRules(Path copy) throws IOException {
        Path rules = copy.resolve("rules");
        Folders.copy(RULES, rules);
        return rules;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
