package org.alliancecds.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's door: a named credential, every call in the audit with who, what and when, one 401 for every
 * refusal, and refusals limited per address (arquillian.xml allows 30 a minute). The limit is exhausted last: the
 * server is this class's alone.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminIT {

    /** The audit database is the run's, shared with other ITs: only rows since the test began count. */
    private static final String ACTIONS = "SELECT admin_name, action, status FROM audit_admin_action"
            + " WHERE action = ? AND received_at >= ?";

    @ArquillianResource
    private URL deployment;

    private final AuditTables audit = AuditTables.ofTheRun();
    private CdsClient client;
    private CdsClient admin;
    private OffsetDateTime start;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void client() {
        client = new CdsClient(deployment);
        admin = client.authorized("Bearer " + Deployments.ADMIN_TOKEN);
        start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    }

    @Test
    @Order(1)
    void aGrantedCallIsAuditedUnderTheCredentialsName() {
        assertEquals(200, admin.get("admin/scenarios").status());
        List<Map<String, Object>> rows = audit.await(found -> !found.isEmpty(), ACTIONS, "GET /admin/scenarios",
                start);
        assertEquals(Deployments.ADMIN_NAME, rows.get(0).get("admin_name"), rows::toString);
        assertEquals(200, ((Number) rows.get(0).get("status")).intValue(), rows::toString);
    }

    @Test
    @Order(1)
    void runningFromItsFolderTheServiceRefusesReleaseStepsSayingWhy() {
        Reply list = admin.get("admin/releases");
        assertEquals(409, list.status(), list::toString);
        assertTrue(list.body().contains("cds.rules.source=releases"), list::toString);
        assertEquals(409, admin.post("admin/releases", "{\"comment\": \"try\"}", CdsClient.JSON).status());
    }

    @Test
    @Order(2)
    void noTokenAndAWrongTokenGetTheSame401AndAreAuditedAsNobody() {
        String path = "admin/catalogue";
        Reply none = client.get(path);
        Reply wrong = client.authorized("Bearer " + Deployments.ADMIN_TOKEN + "x").get(path);
        assertEquals(401, none.status(), none::toString);
        assertEquals(none.status(), wrong.status());
        assertEquals(none.body(), wrong.body());
        assertEquals(none.header("WWW-Authenticate"), wrong.header("WWW-Authenticate"));
        List<Map<String, Object>> rows = audit.await(found -> found.size() == 2, ACTIONS, "GET /" + path, start);
        rows.forEach(row -> {
            assertEquals(null, row.get("admin_name"), rows::toString);
            assertEquals(401, ((Number) row.get("status")).intValue(), rows::toString);
        });
    }

    @Test
    @Order(3)
    void pastTheLimitOfRefusalsEvenTheRightTokenWaits() {
        CdsClient guessing = client.authorized("Bearer a-guess");
        Reply last = null;
        for (int attempt = 0; attempt < 31 && (last == null || last.status() == 401); attempt++) {
            last = guessing.get("admin/rule-base");
        }
        assertEquals(429, last.status(), last::toString);
        Reply blocked = admin.get("admin/rule-base");
        assertEquals(429, blocked.status(), blocked::toString);
        int retryAfter = Integer.parseInt(blocked.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, () -> "Retry-After " + retryAfter);
    }
}
