package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alliancecds.facts.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.alliancecds.rules.Patients.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped rule base as a whole: the catalogue's rules, each with its card attributes, titled as our
 * alliance-rules CodeSystem names them; silent without data. (Each rule's thresholds are tested by the scenario
 * cases in rules/scenarios.)
 */
class ShippedRulesTest {

    private static final RuleBase RULES = new RuleBaseCompiler(Clock.systemUTC()).compile(Path.of("rules"));

    private static Set<String> fired(Patients patient) {
        return RuleEngine.evaluate(RULES, patient.facts()).findings().stream()
                .map(Finding::ruleId).collect(Collectors.toSet());
    }

    @Test
    void theCatalogueIsComplete() throws IOException {
        assertEquals(codeSystem().keySet(), RULES.rules().keySet());
    }

    @Test
    void everyRuleIsTitledAsTheCodeSystemNamesIt() throws IOException {
        Map<String, String> displays = codeSystem();
        RULES.rules().values().forEach(rule -> assertEquals(displays.get(rule.id()), rule.title(), rule.id()));
    }

    @Test
    void everyCardRuleCitesEvidenceAndHasAVersion() {
        RULES.rules().values().forEach(rule -> {
            assertFalse(rule.evidence().isEmpty(), rule.id());
            assertTrue(rule.version().matches("\\d+\\.\\d+\\.\\d+"), rule.id());
            assertFalse(rule.action().isBlank(), rule.id());
        });
    }

    @Test
    void criticalIsForSafetyAlone() {
        assertEquals(Set.of("SUICIDE-RISK-ITEM"), RULES.rules().values().stream()
                .filter(rule -> "critical".equals(rule.indicator())).map(RuleMetadata::id).collect(Collectors.toSet()));
    }

    @Test
    void noDataNoFinding() {
        assertTrue(fired(patient()).isEmpty());
    }

    @Test
    void theLatestPhq9DecidesTheSafetyRule() {
        Patients resolved = patient().score("phq9", "item9", 3, "2026-01-05").score("phq9", "item9", 0, "2026-02-05");
        Patients recurred = patient().score("phq9", "item9", 0, "2026-01-05").score("phq9", "item9", 2, "2026-02-05");
        assertFalse(fired(resolved).contains("SUICIDE-RISK-ITEM"));
        assertTrue(fired(recurred).contains("SUICIDE-RISK-ITEM"));
    }

    private static Map<String, String> codeSystem() throws IOException {
        JsonNode codeSystem = new ObjectMapper().readTree(Path.of("fhir-profiles/codesystems/alliance-rules.json")
                .toFile());
        Map<String, String> displays = new HashMap<>();
        codeSystem.path("concept").forEach(concept -> displays.put(concept.path("code").asText(),
                concept.path("display").asText()));
        return displays;
    }
}
