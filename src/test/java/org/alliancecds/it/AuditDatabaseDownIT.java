package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL goes down (connections ended and refused, as in a restart): hooks answer as fast as ever, the audit
 * reports the database unavailable and counts its failed attempts, the console's feedback statistics answer 503,
 * and once the database is back every entry is written and the statistics read again. Runs in the postgres
 * profile, which has a maintenance database to do this from.
 */
@ExtendWith(ArquillianExtension.class)
class AuditDatabaseDownIT {

    private static final String FEEDBACK_STATS = "admin/feedback-stats";

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
        assertEquals(200, client.post("cds-services/" + PATIENT_VIEW, AuditSlowDatabaseIT.phq9Call()).status());
        AuditCheck.await(client, data -> "up".equals(data.path("database").asText())
                && data.path("pending").asLong() == 0);
    }

    @Test
    void theFeedbackStatisticsAnswer503WhileTheDatabaseIsDown() throws Exception {
        CdsClient admin = client.authorized("Bearer " + Deployments.ADMIN_TOKEN);
        assertEquals(200, admin.get(FEEDBACK_STATS).status());
        try (AutoCloseable down = audit.takeDown()) {
            assertOperationOutcome(admin.get(FEEDBACK_STATS), 503);
        }
        Reply back = admin.get(FEEDBACK_STATS);
        assertEquals(200, back.status(), back::toString);
    }

    @Test
    void aDatabaseThatIsDownDelaysTheAuditNotTheHookAndItsFailuresAreCounted() throws Exception {
        List<String> instances;
        try (AutoCloseable down = audit.takeDown()) {
            instances = AuditSlowDatabaseIT.callsWithinBudget(client);
            JsonNode outage = AuditCheck.await(client, data -> "unavailable".equals(data.path("database").asText())
                    && data.path("retries").asLong() > 0 && data.path("pending").asLong() >= AuditSlowDatabaseIT.CALLS);
            assertEquals("UP", outage.path("status").asText(), outage::toString);
        }
        AuditSlowDatabaseIT.assertAllWrittenAndNoneLost(client, audit, instances);
    }
}
