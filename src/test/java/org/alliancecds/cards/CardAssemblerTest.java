package org.alliancecds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.ScaleRange;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleBaseCompiler;
import org.alliancecds.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleBase RULES = new RuleBaseCompiler(Clock.systemUTC()).compile(Path.of("rules"));

    private final CardAssembler assembler = new CardAssembler(UUID::randomUUID);

    private static InstrumentScore score(String instrument, String scale, String label, double value) {
        return InstrumentScore.measured(instrument, scale, label, value, LocalDate.of(2026, 3, 2),
                "QuestionnaireResponse/r1", "patient", null, true);
    }

    private List<Card> cards(InstrumentScore... scores) {
        return assembler.cards(RuleEngine.evaluate(RULES, PatientFacts.of("p1", List.of(scores), List.of(), List.of(),
                LocalDate.of(2026, 3, 2), PatientFacts.DEFAULT_EPISODE_GAP_DAYS)));
    }

    private static InstrumentScore srs(double total, LocalDate date) {
        return InstrumentScore.measured("srs", "total", "SRS total", total, date, "QuestionnaireResponse/s" + date,
                "patient", null, true).measuring("alliance", new ScaleRange(0, 40));
    }

    /** An SRS total of 30 (low: ALLIANCE-LOW-NOW) and a GAD-7 total of 21 (ANXIETY-PERCEPTION, no trajectory). */
    private static List<Card> lowAllianceAndAnxiety(CardAssembler assembler) {
        LocalDate day = LocalDate.of(2026, 3, 2);
        return assembler.cards(RuleEngine.evaluate(RULES, PatientFacts.of("p1", List.of(srs(30, day),
                score("gad7", "total", "GAD-7 total", 21)), List.of(), List.of(), day,
                PatientFacts.DEFAULT_EPISODE_GAP_DAYS)));
    }

    @Test
    void withTheViewsLaunchUrlCardsOfTrajectoryRulesLinkToItWithTheirRuleAsAppContext() {
        List<Card> cards = lowAllianceAndAnxiety(new CardAssembler(UUID::randomUUID,
                ViewLink.to(java.util.Optional.of("https://cds.example.org/view/launch"))));
        Card low = cards.stream().filter(card -> card.source().topic().code().equals("ALLIANCE-LOW-NOW")).findFirst()
                .orElseThrow(() -> new AssertionError(cards));
        Card.Link smart = low.links().get(low.links().size() - 1);
        assertEquals(new Card.Link("Open the alliance and symptom trajectory", "https://cds.example.org/view/launch",
                "smart", "{\"rule\":\"ALLIANCE-LOW-NOW\"}"), smart);
        JsonNode json = JSON.valueToTree(smart);
        assertEquals("{\"rule\":\"ALLIANCE-LOW-NOW\"}", json.path("appContext").asText());
        Card anxiety = cards.stream().filter(card -> card.source().topic().code().equals("ANXIETY-PERCEPTION"))
                .findFirst().orElseThrow(() -> new AssertionError(cards));
        assertTrue(anxiety.links().stream().noneMatch(link -> "smart".equals(link.type())), anxiety.links()::toString);
    }

    @Test
    void withoutTheLaunchUrlNoCardLinksToTheViewAndNoLinkHasAppContext() {
        for (CardAssembler without : List.of(assembler, new CardAssembler(UUID::randomUUID,
                ViewLink.to(java.util.Optional.of("  "))))) {
            List<Card> cards = lowAllianceAndAnxiety(without);
            assertTrue(cards.stream().anyMatch(card -> card.source().topic().code().equals("ALLIANCE-LOW-NOW")),
                    cards::toString);
            for (Card card : cards) {
                assertTrue(card.links().stream().allMatch(link -> "absolute".equals(link.type())
                        && link.appContext() == null), card.links()::toString);
                JSON.valueToTree(card).path("links").forEach(link -> assertTrue(!link.has("appContext"),
                        link::toString));
            }
        }
    }

    @Test
    void safetyComesFirstThenByPriorityWithTheScoresThatFiredThemDatedAndAged() {
        List<Card> cards = cards(score("gad7", "total", "GAD-7 total", 15),
                score("phq9", "total", "PHQ-9 total", 24), score("phq9", "item9", "PHQ-9 item 9", 2));
        assertEquals(List.of("SUICIDE-RISK-ITEM", "SEVERE-SYMPTOM-SENSITIVITY", "ANXIETY-PERCEPTION"),
                cards.stream().map(card -> card.source().topic().code()).toList());
        Card suicide = cards.get(0);
        assertEquals("critical", suicide.indicator());
        assertEquals("PHQ-9 item 9 (self-harm thoughts) scored 2 on 2026-03-02 (today): assess suicide risk today",
                suicide.summary());
        assertTrue(suicide.detail().contains("| PHQ-9 item 9 | 2 | 2026-03-02 (today) | QuestionnaireResponse/r1 |"),
                suicide.detail());
        assertTrue(suicide.detail().contains("Kroenke K, Spitzer RL, Williams JBW"), suicide.detail());
    }

    @Test
    void everyCardNamesItsRuleTheRuleBaseVersionAndOverrideReasons() {
        for (Card card : cards(score("gad7", "total", "GAD-7 total", 21), score("phq9", "total", "PHQ-9 total", 27))) {
            assertEquals(CardAssembler.RULES_SYSTEM, card.source().topic().system());
            assertEquals(RULES.version(), card.extension().ruleBaseVersion());
            assertEquals(RULES.rules().get(card.source().topic().code()).version(), card.extension().ruleVersion());
            assertTrue(card.detail().contains("rule base " + RULES.version()), card.detail());
            assertEquals(List.of("already-addressed", "not-applicable", "patient-declined"),
                    card.overrideReasons().stream().map(Card.Coding::code).toList());
            assertTrue(card.summary().length() < 140, card.summary());
            UUID.fromString(card.uuid());
        }
    }

    /**
     * The spec's Coding has system, code and display only (CDS Hooks 2.0 "Data Types: Coding"); the versions travel in
     * the card's {@code extension}, named in reverse-domain notation (CDS Hooks 2.0 "Extensions").
     */
    @Test
    void theTopicIsAPlainCodingAndTheVersionsAreInTheCardsExtension() {
        Card card = cards(score("gad7", "total", "GAD-7 total", 21)).get(0);
        JsonNode json = JSON.valueToTree(card);
        JsonNode topic = json.path("source").path("topic");
        List<String> topicFields = new ArrayList<>();
        topic.fieldNames().forEachRemaining(topicFields::add);
        assertEquals(List.of("system", "code", "display"), topicFields, topic::toString);
        assertEquals("ANXIETY-PERCEPTION", topic.path("code").asText());
        JsonNode extension = json.path("extension");
        assertEquals(RULES.version(), extension.path("org.alliance-cds.rule-base-version").asText(), json::toString);
        assertEquals(RULES.rules().get("ANXIETY-PERCEPTION").version(),
                extension.path("org.alliance-cds.rule-version").asText(), json::toString);
        json.path("overrideReasons").forEach(reason -> assertEquals(3, reason.size(), reason::toString));
    }

    @Test
    void severeSymptomsWithALowAllianceRaiseTheCardToAWarning() {
        InstrumentScore phq9 = score("phq9", "total", "PHQ-9 total", 22);
        InstrumentScore lowSrs = score("srs", "total", "SRS total", 30)
                .measuring("alliance", new ScaleRange(0, 40));
        InstrumentScore fineSrs = score("srs", "total", "SRS total", 38)
                .measuring("alliance", new ScaleRange(0, 40));
        assertEquals("info", card(cards(phq9, fineSrs), "SEVERE-SYMPTOM-SENSITIVITY").indicator());
        Card raised = card(cards(phq9, lowSrs), "SEVERE-SYMPTOM-SENSITIVITY");
        assertEquals("warning", raised.indicator());
        assertTrue(raised.detail().contains("| SRS total | 30 |"), raised.detail());
    }

    @Test
    void aMissingAllianceMeasureComesWithATaskToTakeIt() {
        InstrumentScore first = InstrumentScore.measured("phq9", "total", "PHQ-9 total", 4, LocalDate.of(2026, 2, 23),
                "QuestionnaireResponse/a", "patient", null, true);
        Card card = card(cards(first, score("phq9", "total", "PHQ-9 total", 3)), "ALLIANCE-NOT-MEASURED");
        assertEquals("at-most-one", card.selectionBehavior());
        Card.Action action = card.suggestions().get(0).actions().get(0);
        assertEquals("create", action.type());
        JsonNode task = (JsonNode) action.resource();
        assertEquals("Task", task.path("resourceType").asText());
        assertEquals("Patient/p1", task.path("for").path("reference").asText());
        assertEquals("https://alliance-cds.org/fhir/Questionnaire/srs", task.path("input").get(0)
                .path("valueCanonical").asText());
    }

    private static Card card(List<Card> cards, String rule) {
        return cards.stream().filter(card -> rule.equals(card.source().topic().code())).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not among " + cards));
    }

    @Test
    void summariesLongerThanTheSpecAllowsAreShortened() {
        String filled = SummaryTemplate.shorten(SummaryTemplate.expand("x".repeat(200), new Finding("R", "",
                List.of(), List.of(), List.of(), false), Map.of(), LocalDate.of(2026, 3, 2)));
        assertEquals(SummaryTemplate.MAX_LENGTH, filled.length());
        assertTrue(filled.endsWith("…"));
    }
}
