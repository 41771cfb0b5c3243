package org.alliancecds.audit;

import org.alliancecds.quiet.AnsweredCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    private static final Instant CUTOFF = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(1));
    private static final Instant NEW = CUTOFF.plus(Duration.ofDays(1));

    private JdbcUrlDataSource dataSource;

    @BeforeEach
    void migrate() {
        dataSource = new JdbcUrlDataSource();
        dataSource.setUrl("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SchemaMigration.migrate(dataSource);
    }

    @AfterEach
    void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void whatCameBeforeTheCutOffGoesInBatchesAndTheRestStays() throws SQLException {
        int old = Retention.BATCH + 7;
        try (Connection connection = dataSource.getConnection()) {
            invocations(connection, old, OLD);
            invocations(connection, 3, NEW);
            feedback(connection, 2, OLD);
            feedback(connection, 1, NEW);
            adminActions(connection, 4, OLD);
            adminActions(connection, 1, NEW);
        }
        Map<String, Long> removed = new Retention(dataSource).expire(CUTOFF);
        assertEquals(Map.of("audit_invocation", (long) old, "audit_feedback", 2L, "audit_admin_action", 4L,
                "rule_release_shadow_difference", 0L), removed);
        assertEquals(3, count("audit_invocation"));
        assertEquals(3, count("audit_card"), "the cards of the calls kept");
        assertEquals(1, count("audit_feedback"));
        assertEquals(1, count("audit_admin_action"));
        assertEquals(Map.of("audit_invocation", 0L, "audit_feedback", 0L, "audit_admin_action", 0L,
                "rule_release_shadow_difference", 0L), new Retention(dataSource).expire(CUTOFF), "nothing left");
    }

    @Test
    void theShortestRetentionStillCoversTheQuietPeriodsLookback() {
        assertTrue(Duration.ofDays(AuditRetention.MINIMUM_DAYS).compareTo(AnsweredCards.LOOKBACK) > 0);
    }

    private static void invocations(Connection connection, int count, Instant at) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("INSERT INTO audit_invocation (id, service_id, "
                + "received_at, status, latency_ms) VALUES (?, 'alliance-patient-view', ?, 200, 1)");
             PreparedStatement card = connection.prepareStatement("INSERT INTO audit_card (card_uuid, invocation_id,"
                     + " rule_id) VALUES (?, ?, 'NOT-ON-TRACK')")) {
            for (int row = 0; row < count; row++) {
                String id = UUID.randomUUID().toString();
                call.setString(1, id);
                call.setTimestamp(2, Timestamp.from(at));
                call.addBatch();
                card.setString(1, UUID.randomUUID().toString());
                card.setString(2, id);
                card.addBatch();
            }
            call.executeBatch();
            card.executeBatch();
        }
    }

    private static void feedback(Connection connection, int count, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_feedback (id, service_id, "
                + "card_uuid, matched, outcome, outcome_at, received_at) VALUES (?, 'alliance-patient-view', ?, "
                + "FALSE, 'accepted', ?, ?)")) {
            for (int row = 0; row < count; row++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setTimestamp(4, Timestamp.from(at));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void adminActions(Connection connection, int count, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_admin_action (id, action, "
                + "received_at, status) VALUES (?, 'GET /admin/catalogue', ?, 200)")) {
            for (int row = 0; row < count; row++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setTimestamp(2, Timestamp.from(at));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
