package org.alliancecds.admin;

import org.alliancecds.check.Pipelines;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue of the shipped rules: every card rule with its finding, thresholds and evidence. */
class CatalogueTest {

    private static final Pattern OWN_THRESHOLD = Pattern.compile("Threshold\\(id == \"([^\"]+)\"");

    private static RuleBase ruleBase;
    private static Map<String, CatalogueEntry> rules;

    @BeforeAll
    static void buildTheCatalogueOfTheShippedRules() {
        ruleBase = Pipelines.ruleBase(Path.of("rules"));
        Catalogue catalogue = Catalogue.of(ruleBase);
        assertEquals(ruleBase.version(), catalogue.version());
        rules = catalogue.rules().stream().collect(Collectors.toMap(CatalogueEntry::id, Function.identity()));
    }

    @Test
    void listsEveryRuleSafetyFirstThenByPriority() {
        Catalogue catalogue = Catalogue.of(ruleBase);
        List<String> ids = catalogue.rules().stream().map(CatalogueEntry::id).toList();
        assertEquals(ruleBase.rules().keySet(), Set.copyOf(ids));
        assertEquals(List.of("SUICIDE-RISK-ITEM", "NOT-ON-TRACK", "ALLIANCE-RUPTURE", "SUD-RETENTION-RISK",
                "ALLIANCE-NOT-FORMED", "MANDATED-ALLIANCE-CRITICAL", "PERFECTIONISM-STALL"), ids.subList(0, 7));
        CatalogueEntry notOnTrack = catalogue.rules().get(1);
        assertEquals(List.of("no-change", "worse"), notOnTrack.variants().stream()
                .map(CatalogueEntry.Variant::category).sorted().toList());
        assertTrue(catalogue.rules().get(0).safety());
    }

    @Test
    void everyRuleHasItsFindingWhenAndThenFromTheHeader() {
        rules.values().forEach(rule -> {
            assertFalse(rule.finding() == null || rule.finding().isBlank(), rule.id() + " has no finding");
            assertFalse(rule.when() == null || rule.when().isBlank(), rule.id() + " has no 'When:'");
            assertFalse(rule.then() == null || rule.then().isBlank(), rule.id() + " has no 'Then:'");
            assertFalse(rule.finding().contains("//"), rule.id() + ": comment marks left in " + rule.finding());
        });
        assertEquals("Item 9 of the PHQ-9 asks about thoughts of being better off dead or of self-harm. A positive "
                + "answer calls for a suicide risk assessment the same day; the risk of a suicide attempt is highest "
                + "in the 30 days after it. This is a safety rule every PHQ-9 reader must carry; it is not a finding "
                + "of the alliance research update.", rules.get("SUICIDE-RISK-ITEM").finding());
    }

    @Test
    void everyRuleHasThresholdsIncludingEveryOneItsOwnConditionsName() {
        rules.values().forEach(rule -> {
            assertFalse(rule.thresholds().isEmpty(), rule.id() + " relies on no threshold");
            Matcher own = OWN_THRESHOLD.matcher(ruleBase.drlFiles().get(rule.file()));
            while (own.find()) {
                String id = own.group(1);
                assertTrue(rule.thresholds().stream().anyMatch(use -> use.id().equals(id)
                        && use.via().equals(ThresholdUses.OWN)), rule.id() + " lacks its own " + id);
            }
        });
    }

    @Test
    void aThresholdCarriesItsValueUnitBasisAndReviewDate() {
        CatalogueEntry suicide = rules.get("SUICIDE-RISK-ITEM");
        assertEquals(List.of(new ThresholdUse("phq9.item9.positive", 1, "PHQ-9 item 9 points (0-3)",
                "Kroenke et al. 2001: any answer above 'not at all' on item 9 needs a risk assessment", "2026-11-26",
                ThresholdUses.OWN), new ThresholdUse("phq9.item9.fresh-days", 30,
                "days a positive PHQ-9 item 9 calls for assessment today", "Simon et al. 2013; Rossom et al. 2017:"
                + " the risk of a suicide attempt is highest in the 30 days after a positive item 9", "2026-12-06",
                ThresholdUses.HEADER)), suicide.thresholds());
        assertEquals("critical", suicide.indicator());
        assertNull(suicide.escalation());
        assertEquals("suicide-risk-item.drl", suicide.file());
    }

    @Test
    void thresholdsOfTheClassificationsARuleMatchesAndThoseItsHeaderNames() {
        Map<String, String> lowNow = vias(rules.get("ALLIANCE-LOW-NOW"));
        assertEquals("common/low-alliance.drl", lowNow.get("srs.item.low"));
        assertEquals(ThresholdUses.HEADER, lowNow.get("srs.total.low"));
        assertEquals(ThresholdUses.HEADER, lowNow.get("waisr-patient.mean.low"));
        Map<String, String> mandated = vias(rules.get("MANDATED-ALLIANCE-CRITICAL"));
        assertEquals("common/readiness.drl", mandated.get("urica.readiness.low"));
        assertEquals("common/readiness.drl", mandated.get("ruler.confidence.low"));
        Map<String, String> sud = vias(rules.get("SUD-RETENTION-RISK"));
        assertEquals("common/substance-use.drl", sud.get("audit.positive"));
        assertEquals("common/early-alliance.drl", sud.get("alliance.formed-by.session"));
        assertFalse(vias(rules.get("SUICIDE-RISK-ITEM")).containsKey("srs.item.low"));
    }

    @Test
    void evidenceWithCitationAndLinkAndTheEscalation() {
        CatalogueEntry severe = rules.get("SEVERE-SYMPTOM-SENSITIVITY");
        assertEquals("info", severe.indicator());
        assertEquals("warning", severe.escalation());
        Evidence kroenke = rules.get("SUICIDE-RISK-ITEM").evidence().get(0);
        assertEquals("kroenke-2001", kroenke.id());
        assertTrue(kroenke.citation().startsWith("Kroenke K, Spitzer RL, Williams JBW."), kroenke.citation());
        assertEquals("https://doi.org/10.1046/j.1525-1497.2001.016009606.x", kroenke.url());
        rules.values().forEach(rule -> assertFalse(rule.evidence().isEmpty(), rule.id() + " cites nothing"));
    }

    private static Map<String, String> vias(CatalogueEntry rule) {
        return rule.thresholds().stream().collect(Collectors.toMap(ThresholdUse::id, ThresholdUse::via));
    }
}
