package org.alliancecds.check;

import org.alliancecds.cards.Card;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.rules.RuleBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario case in rules/scenarios, through the same handler the service uses: the rules fire exactly as
 * each case says. The same cases run over HTTP in ScenariosIT.
 */
class ShippedScenariosTest {

    private static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicTest> everyCaseFiresExactlyItsRules() {
        ScenarioRunner runner = new ScenarioRunner(Pipelines.handler(RULES)::answer);
        return ScenarioCases.read(RULES, LocalDate.now()).stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.file(), () -> {
                    ScenarioResult result = runner.run(scenario);
                    assertTrue(result.passed(), result::line);
                }));
    }

    @Test
    void everyCardRuleHasCasesOnBothSidesOfItsThresholds() {
        List<ScenarioCase> cases = ScenarioCases.read(RULES, LocalDate.now());
        for (String rule : Pipelines.ruleBase(RULES).rules().keySet()) {
            List<String> files = cases.stream().map(ScenarioCase::file).filter(file -> file.startsWith(rule + "/"))
                    .collect(Collectors.toList());
            assertTrue(files.stream().anyMatch(file -> file.contains("/in-")), rule + " has no in- case");
            assertTrue(files.stream().anyMatch(file -> file.contains("/out-")), rule + " has no out- case");
        }
    }

    /**
     * The recency policy, rule by rule from the catalogue, so that a rule added later cannot escape it: each rule's
     * in- cases, moved back past an episode gap, no longer fire it (the safety rule turns to its re-screen warning).
     */
    @TestFactory
    Stream<DynamicTest> everyRuleFallsSilentOnItsCasesMovedPastAnEpisodeGap() {
        HookHandler handler = Pipelines.handler(RULES);
        RuleBase ruleBase = Pipelines.ruleBase(RULES);
        List<ScenarioCase> cases = ScenarioCases.read(RULES, LocalDate.now());
        return ruleBase.rules().values().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            List<ScenarioCase> in = cases.stream().filter(c -> c.file().startsWith(rule.id() + "/in-")).toList();
            assertFalse(in.isEmpty(), rule.id() + " has no in- case");
            for (ScenarioCase scenario : in) {
                String stale = Dates.shiftedBack(scenario.request().toString(),
                        PatientFacts.DEFAULT_EPISODE_GAP_DAYS + 1);
                List<Card> cards = handler.answer(scenario.serviceId(), stale);
                if (rule.safety()) {
                    assertTrue(cards.stream().allMatch(card -> !card.source().topic().code().equals(rule.id())
                            || card.indicator().equals("warning")), scenario.file() + " " + cards);
                } else {
                    assertFalse(FiredRules.of(cards).contains(rule.id()), scenario.file() + " moved back: "
                            + FiredRules.of(cards));
                }
            }
        }));
    }

    @Test
    void everyCardRuleHasCasesAtTheEdgeOfItsWindow() {
        List<ScenarioCase> cases = ScenarioCases.read(RULES, LocalDate.now());
        for (String rule : Pipelines.ruleBase(RULES).rules().keySet()) {
            assertTrue(cases.stream().map(ScenarioCase::file).anyMatch(file -> file.startsWith(rule + "/")
                            && (file.contains("days-old") || file.contains("earlier-episode"))),
                    rule + " has no case at the edge of its window (…-N-days-old, …-earlier-episode)");
        }
    }

    @Test
    void theRulesCheckReportsEveryCaseAndPasses() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        boolean passed = new RulesCheck(RULES, Path.of("fhir-profiles"), Clock.systemDefaultZone(),
                Optional.empty())
                .run(new PrintStream(report, true, StandardCharsets.UTF_8));
        String text = report.toString(StandardCharsets.UTF_8);
        assertTrue(passed, text);
        int cases = ScenarioCases.read(RULES, LocalDate.now()).size();
        assertEquals(cases, text.lines().filter(line -> line.startsWith("pass  ")).count());
        assertFalse(text.contains("FAIL"), text);
    }
}
