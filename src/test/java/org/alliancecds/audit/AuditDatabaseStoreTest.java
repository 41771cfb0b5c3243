package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store on an in-memory H2 with the real migration and EclipseLink: the schema, the mapping, and what ends up in
 * each column. (SQL NULL reads as "null" here.)
 */
class AuditDatabaseStoreTest {

    private static final Clock CLOCK = Clock.fixed(Entries.NOW, ZoneOffset.UTC);

    private JdbcUrlDataSource dataSource;
    private AuditDatabaseStore store;

    @BeforeEach
    void prepare() {
        dataSource = new JdbcUrlDataSource();
        dataSource.setUrl("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        store = new AuditDatabaseStore(dataSource, Optional.empty(), CLOCK);
        store.prepare();
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
        query("SHUTDOWN");
    }

    @Test
    void anAdminActionIsKeptWithWhoWhatWhenAndStatus() throws SQLException {
        store.write(new AdminActionAudit("admin-1", "ana", "POST /admin/try", "192.0.2.7", Entries.NOW, 200));
        store.write(new AdminActionAudit("admin-2", null, "GET /admin/catalogue", "192.0.2.8", Entries.NOW, 401));
        assertEquals(List.of(List.of("ana", "POST /admin/try", "192.0.2.7", "200"),
                        List.of("null", "GET /admin/catalogue", "192.0.2.8", "401")),
                query("SELECT admin_name, action, remote_address, status FROM audit_admin_action ORDER BY id"));
        assertEquals(List.of(List.of("2")), query("SELECT COUNT(*) FROM audit_admin_action WHERE received_at = "
                + "TIMESTAMP WITH TIME ZONE '2026-11-26 10:15:00+00'"));
    }

    @Test
    void anInvocationIsKeptWithItsCardsAndAPseudonymInsteadOfThePatientId() throws SQLException {
        store.write(Entries.invocationWithCard("inv-1", "card-1"));

        List<List<String>> invocation = query("SELECT hook_instance, service_id, hook, issuer, tenant, "
                + "rule_base_version, fired_rules, status, issue_type, latency_ms, patient_pseudonym FROM audit_invocation");
        assertEquals(1, invocation.size());
        List<String> row = invocation.get(0);
        assertEquals(List.of("hook-inv-1", "alliance-patient-view", "patient-view", "https://ehr.example.org",
                "clinic-1", "1.0.0+abc", "PHQ9-HIGH", "200"), row.subList(0, 8));
        assertEquals("null", row.get(8), "no issue type on a 200");
        assertEquals("12", row.get(9));
        assertTrue(row.get(10).matches("[0-9a-f]{64}"), row.get(10));
        assertEquals(List.of(List.of("card-1", "inv-1", "PHQ9-HIGH", "1.2.0", "warning")),
                query("SELECT card_uuid, invocation_id, rule_id, rule_version, indicator FROM audit_card"));
    }

    @Test
    void theUserIsKeptAsAPseudonymUnderThePatientsKeyAndEachCardWithItsClinicalState() throws SQLException {
        store.write(Entries.invocationWithCard("inv-1", "card-1"));
        store.write(Entries.invocation("inv-2"));

        List<List<String>> rows = query("SELECT i.id, i.patient_pseudonym, i.user_pseudonym, c.clinical_state"
                + " FROM audit_invocation i LEFT JOIN audit_card c ON c.invocation_id = i.id ORDER BY i.id");
        String user = rows.get(0).get(2);
        assertTrue(user.matches("[0-9a-f]{64}"), user);
        assertNotEquals(rows.get(0).get(1), user, "the user's pseudonym is not the patient's");
        assertEquals(List.of("inv-1", "phq9=21"), List.of(rows.get(0).get(0), rows.get(0).get(3)));
        assertEquals(user, rows.get(1).get(2), "the same user, the same pseudonym");
        assertEquals(-1, String.valueOf(rows).indexOf("Practitioner"));
        assertEquals(List.of(List.of("1")),
                query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE INDEX_NAME = 'AUDIT_INVOCATION_PATIENT_USER'"));
    }

    @Test
    void aStateLongerThanItsColumnIsCutNotLost() throws SQLException {
        store.write(new InvocationAudit("inv-1", "hook", "alliance-patient-view", "patient-view", Entries.NOW,
                new Caller("https://ehr.example.org", "clinic-1"), "1.0.0+abc", List.of("R"),
                List.of(new CardAudit("card-1", "R", "1", "info", "s".repeat(1000))), 200, null, 1, "123", null));

        String kept = query("SELECT clinical_state FROM audit_card").get(0).get(0);
        assertEquals(Columns.STATE, kept.length());
        assertEquals(List.of(List.of("null")), query("SELECT user_pseudonym FROM audit_invocation"));
    }

    @Test
    void feedbackIsJoinedToItsCardAndRuleAndUnknownCardsAreKeptUnmatched() throws SQLException {
        store.write(Entries.invocationWithCard("inv-1", "card-1"));
        store.write(Entries.feedback("fb-1", "card-1"));
        store.write(Entries.feedback("fb-2", "no-such-card"));

        String reasons = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
        assertEquals(List.of(
                        List.of("card-1", "TRUE", "PHQ9-HIGH", "1.2.0", "overridden", reasons, "not-relevant", "17"),
                        List.of("no-such-card", "FALSE", "null", "null", "overridden", reasons, "not-relevant", "17")),
                query("SELECT card_uuid, matched, rule_id, rule_version, outcome, override_reason_system, "
                        + "override_reason, comment_length FROM audit_feedback ORDER BY id"));
    }

    @Test
    void feedbackWrittenBeforeItsCardIsMatchedWhenTheCardArrives() throws SQLException {
        store.write(Entries.feedback("fb-1", "card-1"));
        store.write(Entries.invocationWithCard("inv-1", "card-1"));

        assertEquals(List.of(List.of("TRUE", "PHQ9-HIGH")), query("SELECT matched, rule_id FROM audit_feedback"));
    }

    @Test
    void writingAnEntryAgainChangesNothing() throws SQLException {
        InvocationAudit call = Entries.invocationWithCard("inv-1", "card-1");
        store.write(call);
        store.write(call);
        store.write(Entries.feedback("fb-1", "card-1"));
        store.write(Entries.feedback("fb-1", "card-1"));

        assertEquals(List.of(List.of("1", "1", "1")), query("SELECT (SELECT COUNT(*) FROM audit_invocation), "
                + "(SELECT COUNT(*) FROM audit_card), (SELECT COUNT(*) FROM audit_feedback)"));
    }

    @Test
    void valuesLongerThanTheirColumnAreCutNotLost() throws SQLException {
        String longId = "x".repeat(5000);
        store.write(Entries.feedback("fb-1", longId));

        String kept = query("SELECT card_uuid FROM audit_feedback").get(0).get(0);
        assertEquals(Columns.NAME, kept.length());
        assertTrue(kept.endsWith("…"), kept);
    }

    @Test
    void theSamePatientGetsTheSamePseudonymAcrossRestartsAndAnotherUnderAConfiguredKey() throws SQLException {
        store.write(Entries.invocation("inv-1"));
        store.close();
        store = new AuditDatabaseStore(dataSource, Optional.empty(), CLOCK);
        store.prepare();
        store.write(Entries.invocation("inv-2"));
        AuditDatabaseStore keyed = new AuditDatabaseStore(dataSource, Optional.of("configured secret"), CLOCK);
        keyed.prepare();
        keyed.write(Entries.invocation("inv-3"));
        keyed.close();

        List<List<String>> pseudonyms = query("SELECT patient_pseudonym FROM audit_invocation ORDER BY id");
        assertEquals(pseudonyms.get(0), pseudonyms.get(1));
        assertNotEquals(pseudonyms.get(0), pseudonyms.get(2));
        assertEquals(Pseudonyms.withKey("configured secret").of("123"), pseudonyms.get(2).get(0));
        pseudonyms.forEach(row -> assertTrue(row.get(0).matches("[0-9a-f]{64}"), row.get(0)));
    }

    @Test
    void theStartUpRehearsalLeavesNoRows() throws SQLException {
        assertEquals(List.of(List.of("0", "0", "0", "1")), query("SELECT (SELECT COUNT(*) FROM audit_invocation), "
                + "(SELECT COUNT(*) FROM audit_card), (SELECT COUNT(*) FROM audit_feedback), "
                + "(SELECT COUNT(*) FROM audit_installation)"));
        assertEquals(List.of(List.of("0", "0", "0", "0")), query("SELECT (SELECT COUNT(*) FROM audit_hourly_cards), "
                + "(SELECT COUNT(*) FROM audit_hourly_answers), (SELECT COUNT(*) FROM audit_hourly_unmatched), "
                + "(SELECT COUNT(*) FROM audit_hourly_calls)"), "nor counts");
    }

    @Test
    void timesAreKeptAsInstants() throws SQLException {
        store.write(Entries.feedback("fb-1", "card-1"));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT outcome_at, received_at FROM audit_feedback")) {
            assertTrue(rows.next());
            assertEquals(Entries.NOW, rows.getObject(1, java.time.OffsetDateTime.class).toInstant());
            assertEquals(Entries.NOW.plusSeconds(3), rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
        }
    }

    @Test
    void aReachableDatabaseSaysSo() {
        assertTrue(store.reachable());
        JdbcUrlDataSource nowhere = new JdbcUrlDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        assertFalse(new AuditDatabaseStore(nowhere, Optional.empty(), CLOCK).reachable());
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return List.of();
            }
            try (ResultSet rows = statement.getResultSet()) {
                List<List<String>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(String.valueOf(rows.getString(column)));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }
}
