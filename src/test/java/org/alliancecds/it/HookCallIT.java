package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.alliancecds.it.CdsAssertions.ANXIETY;
import static org.alliancecds.it.CdsAssertions.SEVERE_SYMPTOMS;
import static org.alliancecds.it.CdsAssertions.SUICIDE_RISK;
import static org.alliancecds.it.CdsAssertions.card;
import static org.alliancecds.it.CdsAssertions.cards;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.alliancecds.it.HookRequest.ENCOUNTER_START;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.alliancecds.it.HookRequest.searchset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery, readiness and hook calls answered from prefetch alone, as most EHRs call; then feedback on the cards. */
@ExtendWith(ArquillianExtension.class)
class HookCallIT {

    private static final String RULES_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/alliance-rules";
    private static final String RULE_BASE_VERSION = "org.alliance-cds.rule-base-version";

    @ArquillianResource
    private URL deployment;

    private CdsClient client;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void client() {
        client = new CdsClient(deployment);
    }

    @Test
    void theWarIsDeployedAtTheContextRoot() {
        assertTrue(Set.of("", "/").contains(deployment.getPath()), () -> "deployed at " + deployment);
    }

    @Test
    void discoveryListsBothServicesWithTheirPrefetch() {
        Reply reply = client.get("cds-services");
        assertEquals(200, reply.status(), reply::toString);
        JsonNode services = reply.json().path("services");
        assertEquals(2, services.size(), reply::toString);
        Set<String> seen = new HashSet<>();
        for (JsonNode service : services) {
            String id = service.path("id").asText();
            seen.add(id + "=" + service.path("hook").asText());
            assertFalse(service.path("title").asText().isBlank(), id);
            assertFalse(service.path("description").asText().isBlank(), id);
            assertEquals("2.0.1", service.path("version").asText(), "the CDS Hooks version, not the rule base's");
            assertFalse(service.path("extension").path(RULE_BASE_VERSION).asText().isBlank(), id);
            JsonNode prefetch = service.path("prefetch");
            // Minimum necessary: no key the rules do not read (no Patient), and every search paged.
            assertEquals(Set.of("responses", "observations", "episodes"), fieldNames(prefetch), id);
            assertTrue(prefetch.path("responses").asText()
                    .startsWith("QuestionnaireResponse?patient={{context.patientId}}"), id);
            assertTrue(prefetch.path("observations").asText()
                    .startsWith("Observation?patient={{context.patientId}}"), id);
            prefetch.forEach(template -> assertTrue(template.asText().endsWith("&_count=100"), template::asText));
        }
        assertEquals(Set.of(PATIENT_VIEW + "=patient-view", ENCOUNTER_START + "=encounter-start"), seen);
    }

    @Test
    void readinessIsUpOnceTheRulesAreLoaded() {
        Reply reply = client.get("health/ready");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("UP", reply.json().path("status").asText(), reply::toString);
    }

    @Test
    void severePhq9WithPositiveItem9GivesTheSuicideCardFirst() {
        Reply reply = client.post("cds-services/" + PATIENT_VIEW, phq9Call(Corpus.PHQ9_PATIENT));
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(reply));
        JsonNode first = cards(reply).get(0);
        assertEquals(SUICIDE_RISK, first.path("source").path("topic").path("code").asText());
        assertEquals("critical", first.path("indicator").asText());
    }

    /**
     * The published MII PHQ-9 as it is, authored 2023-10-01 with every item 3: long past its window and any episode
     * of today, it no longer describes the patient now, so no severe-symptom card; only its positive item 9 stays
     * open, as the one card, a warning to re-screen today.
     */
    @Test
    void thePublished2023Phq9AsItIsAsksOnlyToRescreenToday() {
        ObjectNode call = HookRequest.patientView(Corpus.PHQ9_PATIENT)
                .prefetch("responses", searchset(Corpus.json(Corpus.PHQ9))).prefetchNull("observations").json();
        JsonNode cards = cards(client.post("cds-services/" + PATIENT_VIEW, call));
        assertEquals(1, cards.size(), cards::toString);
        JsonNode card = cards.get(0);
        assertEquals(SUICIDE_RISK, card.path("source").path("topic").path("code").asText(), card::toString);
        assertEquals("warning", card.path("indicator").asText(), card::toString);
        String summary = card.path("summary").asText();
        assertTrue(summary.contains("re-screen today"), summary);
        assertTrue(summary.contains("2023-10-01"), summary);
    }

    @Test
    void patientIdMayCarryItsResourceType() {
        Reply reply = client.post("cds-services/" + PATIENT_VIEW, phq9Call("Patient/" + Corpus.PHQ9_PATIENT));
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(reply));
    }

    @Test
    void everyCardIsComplete() {
        String version = client.get("cds-services").json().path("services").path(0).path("extension")
                .path(RULE_BASE_VERSION).asText();
        Set<String> uuids = new HashSet<>();
        for (int call = 0; call < 2; call++) {
            for (JsonNode card : cards(client.post("cds-services/" + PATIENT_VIEW, phq9Call(Corpus.PHQ9_PATIENT)))) {
                assertTrue(uuids.add(UUID.fromString(card.path("uuid").asText()).toString()), "uuid reused");
                String summary = card.path("summary").asText();
                assertTrue(!summary.isBlank() && summary.length() < 140, summary);
                assertFalse(card.path("detail").asText().isBlank(), card::toString);
                assertTrue(Set.of("info", "warning", "critical").contains(card.path("indicator").asText()));
                JsonNode topic = card.path("source").path("topic");
                assertEquals(RULES_SYSTEM, topic.path("system").asText(), card::toString);
                assertFalse(topic.path("display").asText().isBlank(), card::toString);
                assertEquals(Set.of("system", "code", "display"), fieldNames(topic), "a Coding as CDS Hooks has it");
                assertEquals(version, card.path("extension").path(RULE_BASE_VERSION).asText(),
                        "the rule base that discovery announces");
                assertFalse(card.path("extension").path("org.alliance-cds.rule-version").asText().isBlank(),
                        card::toString);
                assertFalse(card.path("source").path("label").asText().isBlank(), card::toString);
                assertFalse(card.path("overrideReasons").isEmpty(), card::toString);
                card.path("overrideReasons").forEach(reason ->
                        assertFalse(reason.path("display").asText().isBlank(), reason::toString));
            }
        }
        assertEquals(4, uuids.size());
    }

    @Test
    void cardsShowTheDataThatFiredThem() {
        JsonNode cards = cards(client.post("cds-services/" + PATIENT_VIEW, phq9Call(Corpus.PHQ9_PATIENT)));
        for (JsonNode card : cards) {
            // The MII response, moved to today; its total is 27 and item 9 scored 3.
            assertTrue(card.path("summary").asText().contains(LocalDate.now().toString()), card::toString);
        }
        JsonNode severe = card(cards, SEVERE_SYMPTOMS);
        assertTrue(severe.path("summary").asText().contains("27"), severe::toString);
    }

    @Test
    void moderateGad7GivesTheAnxietyCard() {
        ObjectNode call = HookRequest.patientView(Corpus.GAD7_PATIENT)
                .prefetch("responses", searchset(Corpus.recentJson(Corpus.GAD7))).prefetchNull("observations").json();
        Reply reply = client.post("cds-services/" + PATIENT_VIEW, call);
        assertEquals(Set.of(ANXIETY), topics(reply));
        assertEquals("info", cards(reply).get(0).path("indicator").asText());
    }

    @Test
    void questionnairesIncludedWithTheResponsesChangeNothing() {
        ObjectNode responses = HookRequest.include(searchset(Corpus.recentJson(Corpus.PHQ9)),
                Corpus.json(Corpus.PHQ9_QUESTIONNAIRE));
        ObjectNode call = HookRequest.patientView(Corpus.PHQ9_PATIENT).prefetch("responses", responses)
                .prefetchNull("observations").json();
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post("cds-services/" + PATIENT_VIEW, call)));
    }

    @Test
    void aPhq9TotalSentAsAnObservationCounts() {
        // LOINC 44261-6 is the PHQ-9 total; 22 is in the severe band, today. Item 9 is unknown, so no suicide-risk card.
        ObjectNode total = Reply.MAPPER.createObjectNode().put("resourceType", "Observation").put("id", "phq9-total")
                .put("status", "final").put("effectiveDateTime", LocalDate.now().toString());
        total.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "44261-6");
        total.putObject("subject").put("reference", "Patient/" + Corpus.PHQ9_PATIENT);
        total.putObject("valueQuantity").put("value", 22);
        ObjectNode call = HookRequest.patientView(Corpus.PHQ9_PATIENT).prefetchNull("responses")
                .prefetch("observations", searchset(total)).json();
        assertEquals(Set.of(SEVERE_SYMPTOMS), topics(client.post("cds-services/" + PATIENT_VIEW, call)));
    }

    @Test
    void aFormThatIsNoInstrumentOfOursGivesNoCards() {
        ObjectNode call = HookRequest.patientView("pat1")
                .prefetch("responses", searchset(Corpus.json(Corpus.CARDIOLOGY))).prefetchNull("observations").json();
        assertEquals(0, cards(client.post("cds-services/" + PATIENT_VIEW, call)).size());
    }

    @Test
    void anotherPatientsResponseGivesNoCards() {
        Reply reply = client.post("cds-services/" + PATIENT_VIEW, phq9Call("someone-else"));
        assertEquals(0, cards(reply).size(), reply::toString);
    }

    @Test
    void encounterStartAnswersAsPatientViewDoes() {
        ObjectNode call = HookRequest.encounterStart(Corpus.PHQ9_PATIENT, "enc-1")
                .prefetch("responses", searchset(Corpus.recentJson(Corpus.PHQ9))).prefetchNull("observations").json();
        Reply reply = client.post("cds-services/" + ENCOUNTER_START, call);
        Reply patientView = client.post("cds-services/" + PATIENT_VIEW, phq9Call(Corpus.PHQ9_PATIENT));
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(reply));
        assertEquals(topics(patientView), topics(reply));
        assertEquals(SUICIDE_RISK, cards(reply).get(0).path("source").path("topic").path("code").asText());
    }

    @Test
    void feedbackOnRealCardsIsAccepted() {
        // as a user of its own: its override keeps that card quiet for its user and patient (rule base 2.0)
        ObjectNode call = phq9Request(Corpus.PHQ9_PATIENT).user(HookRequest.freshUser()).json();
        Reply reply = client.post("cds-services/" + PATIENT_VIEW, call);
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(reply));
        JsonNode cards = cards(reply);
        ObjectNode accepted = Feedback.item(cards.get(0).path("uuid").asText(), "accepted");
        Reply first = client.post("cds-services/" + PATIENT_VIEW + "/feedback", Feedback.of(accepted));
        assertEquals(200, first.status(), first::toString);

        JsonNode reason = cards.get(1).path("overrideReasons").get(0);
        ObjectNode overridden = Feedback.item(cards.get(1).path("uuid").asText(), "overridden");
        overridden.putObject("overrideReason").put("userComment", "discussed last session").set("reason", reason);
        Reply second = client.post("cds-services/" + PATIENT_VIEW + "/feedback", Feedback.of(overridden));
        assertEquals(200, second.status(), second::toString);
    }

    /** The MII PHQ-9 as of today (Corpus.recentJson): these tests are about calls, not about stale data. */
    private static ObjectNode phq9Call(String patientId) {
        return phq9Request(patientId).json();
    }

    private static HookRequest phq9Request(String patientId) {
        return HookRequest.patientView(patientId).prefetch("responses", searchset(Corpus.recentJson(Corpus.PHQ9)))
                .prefetchNull("observations");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
