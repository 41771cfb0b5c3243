package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.TestKeys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.CdsAssertions.cards;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.alliancecds.it.HookRequest.searchset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail, read straight from its tables: every call with its outcome, the cards it returned, and the
 * feedback on them joined to their rules; no patient id, no comment text; and its counts in health and metrics.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String INVOCATION = "SELECT * FROM audit_invocation WHERE hook_instance = ?";
    // Requests that name a fhirServer get this closed loopback port instead, so no call leaves the machine.
    private static final String CLOSED_PORT = "http://127.0.0.1:1/fhir";

    @ArquillianResource
    private URL deployment;

    private CdsClient client;
    private final AuditTables audit = AuditTables.ofTheRun();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void client() {
        client = new CdsClient(deployment);
    }

    @Test
    void anAnsweredCallIsKeptWithItsRuleBaseRulesAndCards() {
        ObjectNode call = phq9Call();
        Reply reply = client.post(HOOK, call);
        assertEquals(200, reply.status(), reply::toString);

        Map<String, Object> row = single(hookInstanceOf(call));
        assertEquals(200, number(row, "status"));
        assertEquals(PATIENT_VIEW, row.get("service_id"));
        assertEquals("patient-view", row.get("hook"));
        assertNull(row.get("issue_type"));
        JsonNode cards = cards(reply);
        assertEquals(cards.get(0).path("extension").path("org.alliance-cds.rule-base-version").asText(),
                row.get("rule_base_version"));
        assertEquals(topics(reply), Set.copyOf(Arrays.asList(((String) row.get("fired_rules")).split(" "))));
        long latency = number(row, "latency_ms");
        assertTrue(latency >= 0 && latency <= reply.elapsed().toMillis(), () -> latency + " ms vs " + reply.elapsed());
        String pseudonym = (String) row.get("patient_pseudonym");
        assertTrue(pseudonym.matches("[0-9a-f]{64}"), pseudonym);
        assertFalse(row.containsValue(Corpus.PHQ9_PATIENT), () -> "the patient id is in " + row);

        Map<String, String> returned = new HashMap<>();
        cards.forEach(card -> returned.put(card.path("uuid").asText(),
                card.path("source").path("topic").path("code").asText() + " " + card.path("indicator").asText()));
        Map<String, String> kept = new HashMap<>();
        audit.rows("SELECT c.card_uuid, c.rule_id, c.rule_version, c.indicator FROM audit_card c "
                        + "JOIN audit_invocation i ON c.invocation_id = i.id WHERE i.hook_instance = ?",
                hookInstanceOf(call)).forEach(card -> {
                    assertNotNull(card.get("rule_version"), card::toString);
                    kept.put((String) card.get("card_uuid"), card.get("rule_id") + " " + card.get("indicator"));
                });
        assertEquals(returned, kept);
    }

    @Test
    void refusedCallsAreKeptWithTheirStatusAndIssueType() {
        ObjectNode invalid = HookRequest.patientView(Corpus.PHQ9_PATIENT).without("context").json();
        ObjectNode unobtainable = HookRequest.patientView("no-prefetch").fhirServer(CLOSED_PORT, "token-1").json();

        for (Map.Entry<ObjectNode, Integer> refused : Map.of(invalid, 400, unobtainable, 412).entrySet()) {
            ObjectNode call = refused.getKey();
            int status = refused.getValue();
            JsonNode issue = assertOperationOutcome(client.post(HOOK, call), status);
            Map<String, Object> row = single(hookInstanceOf(call));
            assertEquals(status, number(row, "status"), row::toString);
            assertEquals(issue.path("code").asText(), row.get("issue_type"));
            assertNull(row.get("rule_base_version"));
            assertEquals(0, audit.rows("SELECT * FROM audit_card WHERE invocation_id = ?", row.get("id")).size());
        }
    }

    @Test
    void callsRefusedBeforeTheServiceReadThemAreKeptToo() {
        String unknownService = "no-such-service-" + UUID.randomUUID();
        Reply notFound = client.post("cds-services/" + unknownService, phq9Call());
        assertOperationOutcome(notFound, 404);
        Map<String, Object> row = audit.await(rows -> rows.size() == 1,
                "SELECT * FROM audit_invocation WHERE service_id = ?", unknownService).get(0);
        assertEquals(404, number(row, "status"));
        assertEquals("not-found", row.get("issue_type"));

        long before = count415();
        assertOperationOutcome(client.post(HOOK, phq9Call().toString(), "text/plain"), 415);
        audit.await(rows -> number(rows.get(0), "n") == before + 1,
                "SELECT COUNT(*) AS n FROM audit_invocation WHERE status = 415");
    }

    @Test
    void feedbackIsJoinedToItsCardAndRuleAndKeepsNoWordsOfTheComment() {
        JsonNode cards = cards(client.post(HOOK, phq9Call(HookRequest.freshUser())));
        assertTrue(cards.size() >= 2, cards::toString);
        String acceptedCard = cards.get(0).path("uuid").asText();
        String overriddenCard = cards.get(1).path("uuid").asText();
        String unknownCard = UUID.randomUUID().toString();
        String comment = "Ms Example told me she is safe tonight";

        ObjectNode accepted = Feedback.item(acceptedCard, "accepted");
        accepted.withArray("acceptedSuggestions").addObject().put("id", "suggestion-1");
        ObjectNode overridden = Feedback.item(overriddenCard, "overridden");
        overridden.putObject("overrideReason").put("userComment", comment).putObject("reason")
                .put("system", "https://alliance-cds.org/fhir/CodeSystem/override-reasons").put("code", "not-relevant");
        Reply reply = client.post(HOOK + "/feedback",
                Feedback.of(accepted, overridden, Feedback.item(unknownCard, "accepted")));
        assertEquals(200, reply.status(), reply::toString);

        Map<String, Map<String, Object>> kept = new HashMap<>();
        audit.await(rows -> rows.size() == 3, "SELECT * FROM audit_feedback WHERE card_uuid IN (?, ?, ?)",
                acceptedCard, overriddenCard, unknownCard).forEach(row -> kept.put((String) row.get("card_uuid"), row));
        assertEquals(List.of(true, cards.get(0).path("source").path("topic").path("code").asText(), "accepted",
                "suggestion-1"), List.of(kept.get(acceptedCard).get("matched"), kept.get(acceptedCard).get("rule_id"),
                kept.get(acceptedCard).get("outcome"), kept.get(acceptedCard).get("accepted_suggestions")));
        Map<String, Object> override = kept.get(overriddenCard);
        assertEquals(List.of(true, cards.get(1).path("source").path("topic").path("code").asText(), "overridden",
                        "https://alliance-cds.org/fhir/CodeSystem/override-reasons", "not-relevant", comment.length()),
                List.of(override.get("matched"), override.get("rule_id"), override.get("outcome"),
                        override.get("override_reason_system"), override.get("override_reason"),
                        (int) number(override, "comment_length")));
        assertEquals(false, kept.get(unknownCard).get("matched"));
        assertNull(kept.get(unknownCard).get("rule_id"));
        kept.values().forEach(row -> row.values().forEach(value ->
                assertFalse(String.valueOf(value).contains("safe tonight"), () -> "the comment is in " + row)));
    }

    @Test
    void theIssuerAndTenantTheAuthenticationFilterEstablishedAreKept() {
        ObjectNode call = phq9Call(HookRequest.freshUser());
        Reply reply = client.post(HOOK, call.toString(), CdsClient.JSON, Map.of());
        assertEquals(200, reply.status(), reply::toString);
        String card = cards(reply).get(0).path("uuid").asText();
        assertEquals(200, client.post(HOOK + "/feedback", Feedback.of(Feedback.item(card, "accepted")).toString(),
                CdsClient.JSON, Map.of()).status());

        Map<String, Object> invocation = single(hookInstanceOf(call));
        Map<String, Object> feedback = audit.await(rows -> rows.size() == 1,
                "SELECT * FROM audit_feedback WHERE card_uuid = ?", card).get(0);
        for (Map<String, Object> row : List.of(invocation, feedback)) {
            assertEquals(TestKeys.IT_ISSUER, row.get("issuer"), row::toString);
            assertEquals("it-tenant", row.get("tenant"), row::toString);
        }
    }

    @Test
    void healthAndMetricsShowTheAuditsCounts() {
        Set<String> instances = new HashSet<>();
        for (int call = 0; call < 3; call++) {
            ObjectNode request = phq9Call();
            instances.add(hookInstanceOf(request));
            assertEquals(200, client.post(HOOK, request).status());
        }
        instances.forEach(this::single);

        JsonNode check = AuditCheck.await(client, data -> data.path("pending").asLong() == 0);
        assertEquals("UP", check.path("status").asText(), check::toString);
        JsonNode data = check.path("data");
        assertEquals("up", data.path("database").asText(), check::toString);
        assertTrue(data.path("written").asLong() >= 3, check::toString);
        assertEquals(0, data.path("failed").asLong(), check::toString);
        assertEquals(0, data.path("dropped").asLong(), check::toString);
        Reply metrics = client.get("metrics", "text/plain");
        assertEquals(200, metrics.status(), metrics::toString);
        Map<String, List<Double>> samples = PrometheusText.samples(metrics.body());
        Map<String, Double> expected = Map.of("audit_pending", 0.0, "audit_written", data.path("written").asDouble(),
                "audit_retries", data.path("retries").asDouble(), "audit_failed", 0.0, "audit_dropped", 0.0);
        expected.forEach((gauge, value) -> assertEquals(List.of(value), samples.get(gauge),
                () -> gauge + ", the same as the health check's, in " + metrics.body()));
    }

    private long count415() {
        return number(audit.rows("SELECT COUNT(*) AS n FROM audit_invocation WHERE status = 415").get(0), "n");
    }

    private Map<String, Object> single(String hookInstance) {
        return audit.await(rows -> rows.size() == 1, INVOCATION, hookInstance).get(0);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static String hookInstanceOf(ObjectNode call) {
        return call.path("hookInstance").asText();
    }

    /** The MII PHQ-9 as of today, which gives two cards (safety and severe symptoms) to audit and answer. */
    private static ObjectNode phq9Call() {
        return phq9Call(HookRequest.USER);
    }

    /**
     * As a user of its own, for a test that answers the cards: an answered card stays quiet for its user and
     * patient (rule base 2.0), and the other tests, here and in other ITs, expect theirs.
     */
    private static ObjectNode phq9Call(String userId) {
        return HookRequest.patientView(Corpus.PHQ9_PATIENT).user(userId)
                .prefetch("responses", searchset(Corpus.recentJson(Corpus.PHQ9))).prefetchNull("observations").json();
    }
}
