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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.alliancecds.it.HookRequest.searchset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that hangs (a table lock on PostgreSQL, exclusive mode on H2): hooks answer as fast as ever, the
 * audit shows entries waiting, and once the database moves again every entry is written and none is lost.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSlowDatabaseIT {

    /** Far below the time the database hangs; a warm call takes tens of milliseconds. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    static final int CALLS = 3;

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
        // Warm the service and let the audit finish starting, so the calls below measure the hook alone.
        assertEquals(200, client.post("cds-services/" + PATIENT_VIEW, phq9Call()).status());
        AuditCheck.await(client, data -> "up".equals(data.path("database").asText())
                && data.path("pending").asLong() == 0);
    }

    @Test
    void aHangingDatabaseDelaysTheAuditNotTheHook() throws Exception {
        List<String> instances;
        try (AutoCloseable hang = audit.hang()) {
            instances = callsWithinBudget(client);
            JsonNode waiting = AuditCheck.await(client, data -> data.path("pending").asLong() >= CALLS);
            assertEquals("UP", waiting.path("status").asText(), waiting::toString);
        }
        assertAllWrittenAndNoneLost(client, audit, instances);
    }

    /** Makes {@link #CALLS} hook calls, each answered 200 within {@link #BUDGET}; their hookInstances. */
    static List<String> callsWithinBudget(CdsClient client) {
        List<String> instances = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            ObjectNode request = phq9Call();
            Reply reply = client.post("cds-services/" + PATIENT_VIEW, request);
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.elapsed().compareTo(BUDGET) < 0, () -> "the hook took " + reply.elapsed());
            instances.add(request.path("hookInstance").asText());
        }
        return instances;
    }

    static void assertAllWrittenAndNoneLost(CdsClient client, AuditTables audit, List<String> instances) {
        instances.forEach(instance -> audit.await(rows -> rows.size() == 1,
                "SELECT status FROM audit_invocation WHERE hook_instance = ?", instance));
        JsonNode check = AuditCheck.await(client, data -> data.path("pending").asLong() == 0);
        JsonNode data = check.path("data");
        assertEquals("up", data.path("database").asText(), check::toString);
        assertEquals(0, data.path("failed").asLong(), check::toString);
        assertEquals(0, data.path("dropped").asLong(), check::toString);
    }

    static ObjectNode phq9Call() {
        return HookRequest.patientView(Corpus.PHQ9_PATIENT).prefetch("responses", searchset(Corpus.json(Corpus.PHQ9)))
                .prefetchNull("observations").json();
    }
}
