package org.alliancecds.rules;

import org.alliancecds.facts.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import static org.alliancecds.rules.Patients.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rules fire exactly on their side of each threshold, on the latest measurement only. */
class ShippedRulesTest {

    private static final RuleBase RULES = new RuleBaseCompiler(Clock.systemUTC()).compile(Path.of("rules"));

    private static Set<String> fired(Patients patient) {
        return RuleEngine.evaluate(RULES, patient.facts()).findings().stream()
                .map(Finding::ruleId).collect(Collectors.toSet());
    }

    @Test
    void suicideItemFiresFromOneUp() {
        assertEquals(Set.of(), fired(patient().score("phq9", "item9", 0, "2026-01-05")));
        assertEquals(Set.of("SUICIDE-RISK-ITEM"), fired(patient().score("phq9", "item9", 1, "2026-01-05")));
    }

    @Test
    void suicideItemReadsOnlyTheLatestPhq9() {
        Patients resolved = patient().score("phq9", "item9", 3, "2026-01-05").score("phq9", "item9", 0, "2026-02-05");
        Patients recurred = patient().score("phq9", "item9", 0, "2026-01-05").score("phq9", "item9", 2, "2026-02-05");
        assertEquals(Set.of(), fired(resolved));
        assertEquals(Set.of("SUICIDE-RISK-ITEM"), fired(recurred));
    }

    @Test
    void severeSymptomsFireFromTwenty() {
        assertEquals(Set.of(), fired(patient().score("phq9", "total", 19, "2026-01-05")));
        assertEquals(Set.of("SEVERE-SYMPTOM-SENSITIVITY"), fired(patient().score("phq9", "total", 20, "2026-01-05")));
    }

    @Test
    void anxietyFiresFromTen() {
        assertEquals(Set.of(), fired(patient().score("gad7", "total", 9, "2026-01-05")));
        assertEquals(Set.of("ANXIETY-PERCEPTION"), fired(patient().score("gad7", "total", 10, "2026-01-05")));
    }

    @Test
    void noDataNoFinding() {
        assertTrue(fired(patient()).isEmpty());
    }

    @Test
    void everyCardRuleCitesEvidenceAndHasAVersion() {
        assertEquals(Set.of("SUICIDE-RISK-ITEM", "SEVERE-SYMPTOM-SENSITIVITY", "ANXIETY-PERCEPTION"),
                RULES.rules().keySet());
        RULES.rules().values().forEach(rule -> {
            assertTrue(!rule.evidence().isEmpty(), rule.id());
            assertTrue(rule.version().matches("\\d+\\.\\d+\\.\\d+"), rule.id());
        });
    }
}
