package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.check.ScenarioCases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static org.alliancecds.it.CdsAssertions.card;
import static org.alliancecds.it.CdsAssertions.cards;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hook calls and feedback for the quiet-period ITs: the request of a scenario case (rules/scenarios), about a
 * patient of the test's own (the quiet store keys on patient and user, so tests do not quiet each other's cards),
 * from a given user, as a new hook instance; and feedback on its cards at a chosen time.
 */
final class QuietCalls {

    static final String SERVICE = HookRequest.PATIENT_VIEW;
    static final String HOOK = "cds-services/" + SERVICE;
    static final String FEEDBACK = HOOK + "/feedback";
    static final String ALLIANCE_LOW = "ALLIANCE-LOW-NOW";
    static final String WEAKEST_BOND = "ALLIANCE-LOW-NOW/in-weakest-bond";
    static final String WEAKEST_GOALS = "ALLIANCE-LOW-NOW/in-weakest-goals";
    static final String ITEM9_POSITIVE = "SUICIDE-RISK-ITEM/in-item9-at-1";
    static final String OVERRIDE_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
    // The ITs' Payara sets no cds.zone, so the site's days are this JVM's (both run on this machine).
    static final ZoneId SITE = ZoneId.systemDefault();

    private static final String CASE_PATIENT = "scenario-patient";

    private QuietCalls() {
    }

    static String newPatient() {
        return "quiet-" + UUID.randomUUID();
    }

    /** The request of {@code rules/scenarios/<scenario>.json}, its days resolved to today, about and by these. */
    static ObjectNode request(String scenario, String patientId, String userId) {
        try {
            String text = Files.readString(Path.of("rules/scenarios", scenario + ".json"));
            String resolved = ScenarioCases.resolveDays(text, LocalDate.now(SITE)).replace(CASE_PATIENT, patientId);
            ObjectNode request = (ObjectNode) Reply.MAPPER.readTree(resolved).path("request");
            request.put("hookInstance", UUID.randomUUID().toString());
            ((ObjectNode) request.path("context")).put("userId", userId);
            return request;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(scenario + " is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule ids of the cards a hook call returned, after checking it answered 200 with a cards array. */
    static Set<String> rules(Reply reply) {
        cards(reply);
        return topics(reply);
    }

    /** The uuid of the card of {@code ruleId}, which the reply must have. */
    static String shown(Reply reply, String ruleId) {
        assertTrue(rules(reply).contains(ruleId), () -> "no " + ruleId + " card: " + reply);
        return card(cards(reply), ruleId).path("uuid").asText();
    }

    static void assertQuiet(Reply reply, String ruleId) {
        assertFalse(rules(reply).contains(ruleId), () -> ruleId + " was answered, yet shown again: " + reply);
    }

    /** This instant {@code days} site days ago, at the same time of day. */
    static Instant daysAgo(int days) {
        return Instant.now().atZone(SITE).minusDays(days).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    static ObjectNode accepted(String cardUuid, Instant at) {
        return Feedback.of(item(cardUuid, "accepted", at));
    }

    static ObjectNode overridden(String cardUuid, String reasonCode, Instant at) {
        return overridden(cardUuid, OVERRIDE_SYSTEM, reasonCode, at);
    }

    /** An override with a reason of {@code system}: an EHR may offer reasons of its own besides the card's. */
    static ObjectNode overridden(String cardUuid, String system, String reasonCode, Instant at) {
        ObjectNode item = item(cardUuid, "overridden", at);
        item.putObject("overrideReason").putObject("reason").put("system", system).put("code", reasonCode);
        return Feedback.of(item);
    }

    /** A feedback reply, checked: 200. */
    static void assertTaken(Reply reply, JsonNode feedback) {
        assertTrue(reply.status() == 200, () -> "feedback " + feedback + " answered " + reply);
    }

    private static ObjectNode item(String cardUuid, String outcome, Instant at) {
        return Feedback.item(cardUuid, outcome).put("outcomeTimestamp", at.toString());
    }
}
