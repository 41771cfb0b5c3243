package org.alliancecds.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.cards.Card;
import org.alliancecds.fhir.scoring.InstrumentCatalogLoader;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.rules.RuleBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's invariants over a thousand random patients: no rule reads sex, gender or age (swapping them
 * changes no card); every card cites its rule, the rule-base version and evidence, and shows the data that made it
 * fire.
 */
class InvariantsTest {

    private static final int PATIENTS = 1000;
    private static final long SEED = 20261126L;
    private static final Path RULES = Path.of("rules");
    private static final List<String> GENDERS = List.of("male", "female", "other", "unknown");

    private final HookHandler handler = Pipelines.handler(RULES);
    private final RuleBase ruleBase = Pipelines.ruleBase(RULES);

    @Test
    void demographicsNeverChangeACard() {
        RandomPatients patients = new RandomPatients(SEED, InstrumentCatalogLoader.load(Path.of("fhir-profiles"))
                .definitions(), LocalDate.now());
        Random demographics = new Random(SEED);
        Set<String> seenRules = new HashSet<>();
        for (int index = 0; index < PATIENTS; index++) {
            ObjectNode request = patients.next("random-" + index);
            List<Card> first = answer(withDemographics(request, demographics));
            List<Card> second = answer(withDemographics(request, demographics));
            assertEquals(comparable(first), comparable(second), "patient " + index + " of seed " + SEED);
            first.forEach(card -> seenRules.add(card.source().topic().code()));
            first.forEach(this::citesAndShowsItsData);
        }
        assertTrue(seenRules.size() >= 12, "the random patients exercise most rules: " + seenRules);
    }

    /**
     * Negative control: the same thousand patients and the same comparison, but what changes between the two calls
     * is something the rules do read, the age of the data (a year older, past every window). Cards must change for
     * many patients; were the comparison or the calls blind to their input, the invariance above would prove
     * nothing.
     */
    @Test
    void theInvarianceCheckSeesAChangeInWhatTheRulesRead() {
        RandomPatients patients = new RandomPatients(SEED, InstrumentCatalogLoader.load(Path.of("fhir-profiles"))
                .definitions(), LocalDate.now());
        int changed = 0;
        for (int index = 0; index < PATIENTS; index++) {
            ObjectNode request = patients.next("random-" + index);
            if (!comparable(answer(request)).equals(comparable(answer(aYearOlder(request))))) {
                changed++;
            }
        }
        assertTrue(changed >= PATIENTS / 10, "cards changed for only " + changed + " of " + PATIENTS + " patients");
    }

    /** The same patient, every date of its data a year (366 days) earlier. */
    private static ObjectNode aYearOlder(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.path("prefetch").forEach(bundle -> bundle.path("entry").forEach(entry -> {
            ObjectNode resource = (ObjectNode) entry.path("resource");
            for (String field : List.of("authored", "effectiveDateTime")) {
                if (resource.hasNonNull(field)) {
                    String text = resource.get(field).asText();
                    resource.put(field, LocalDate.parse(text.substring(0, 10)).minusDays(366) + text.substring(10));
                }
            }
        }));
        return copy;
    }

    private List<Card> answer(ObjectNode request) {
        return handler.answer("alliance-patient-view", request.toString());
    }

    /** The same patient with a random sex, gender and age. */
    private static ObjectNode withDemographics(ObjectNode request, Random random) {
        ObjectNode copy = request.deepCopy();
        ObjectNode patient = (ObjectNode) copy.path("prefetch").path("patient");
        patient.put("gender", GENDERS.get(random.nextInt(GENDERS.size())))
                .put("birthDate", LocalDate.now().minusYears(18 + random.nextInt(70)).toString());
        patient.putArray("extension").addObject()
                .put("url", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex")
                .put("valueCode", random.nextBoolean() ? "F" : "M");
        return copy;
    }

    /** What a clinician sees of a card, without its random uuids. */
    private static List<String> comparable(List<Card> cards) {
        return cards.stream().map(card -> card.indicator() + "|" + card.summary() + "|" + card.detail()).toList();
    }

    private void citesAndShowsItsData(Card card) {
        String rule = card.source().topic().code();
        assertTrue(ruleBase.rules().containsKey(rule), rule);
        assertEquals(ruleBase.version(), card.extension().ruleBaseVersion(), rule);
        assertTrue(card.detail().contains("_Rule " + rule + " v"), card.detail());
        assertFalse(ruleBase.rules().get(rule).evidence().isEmpty(), rule);
        String citation = ruleBase.rules().get(rule).evidence().get(0).citation();
        assertTrue(card.detail().contains(citation), rule + " cites its evidence");
        assertTrue(card.detail().lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Measure"))
                .count() >= 1, rule + " shows the data that fired it: " + card.detail());
        assertTrue(card.summary().length() < 140, card.summary());
    }
}
