package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The hourly counts (Flyway V7) give the statistics that counting the rows gives ({@link FeedbackStatisticsFromRows}),
 * for every window that starts at an hour: written entry by entry through the real store, in a random order that
 * has answers before their cards, answers sent twice, clinicians changing their mind within the same second, cards
 * no one knows and refused calls; filled in by the migration from rows written before it; and after expiry.
 */
class HourlyCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");
    private static final Caller CALLER = new Caller("https://ehr.example.org", "clinic-1");
    private static final List<String> RULES = List.of("RULE-A", "RULE-B", "RULE-C");
    private static final List<String> REASONS = List.of("not-applicable", "already-addressed");

    private JdbcUrlDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new JdbcUrlDataSource();
        dataSource.setUrl("jdbc:h2:mem:hourly-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @AfterEach
    void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void theCountsKeptAsTheAuditIsWrittenAreTheCountsOfItsRows() {
        try (AuditDatabaseStore store = store()) {
            store.prepare();
            entries(new SplittableRandom(15), 400).forEach(store::write);
        }
        assertSameStatistics();
    }

    @Test
    void theMigrationCountsTheRowsWrittenBeforeIt() {
        try (AuditDatabaseStore before = store()) {
            // rows as the writer makes them; then V7 is undone, as if they had been written before it
            before.prepare();
            entries(new SplittableRandom(16), 300).forEach(before::write);
        }
        execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '7'", "DROP TABLE audit_hourly_cards",
                "DROP TABLE audit_hourly_answers", "DROP TABLE audit_hourly_unmatched",
                "DROP TABLE audit_hourly_calls");
        SchemaMigration.migrate(dataSource);
        assertSameStatistics();
    }

    @Test
    void expiryTakesTheCountsOfTheHoursItRemoves() throws SQLException {
        try (AuditDatabaseStore store = store()) {
            store.prepare();
            entries(new SplittableRandom(17), 300).forEach(store::write);
        }
        new Retention(dataSource).expire(NOW.minus(Duration.ofDays(3)).plusSeconds(1_234));
        assertSameStatistics();
    }

    @Test
    void aRowWrittenPastTheWriterIsNotCountedWhichTheComparisonSees() {
        try (AuditDatabaseStore store = store()) {
            store.prepare();
            entries(new SplittableRandom(18), 50).forEach(store::write);
        }
        execute("INSERT INTO audit_invocation (id, service_id, received_at, status, latency_ms, rule_base_version)"
                + " VALUES ('by-hand', 'alliance-patient-view', TIMESTAMP WITH TIME ZONE '2026-11-26 09:00:00+00',"
                + " 200, 1, '1.0.0+abc')");
        assertNotEquals(new FeedbackStatisticsFromRows(dataSource).read(Instant.EPOCH),
                new FeedbackStatisticsQuery(dataSource).read(Instant.EPOCH));
    }

    private void assertSameStatistics() {
        for (Instant since : List.of(Instant.EPOCH, NOW.minus(Duration.ofDays(2)).minusSeconds(900),
                NOW.minus(Duration.ofHours(5)).minusSeconds(900), NOW.plus(Duration.ofDays(9)).minusSeconds(900))) {
            assertEquals(new FeedbackStatisticsFromRows(dataSource).read(since),
                    new FeedbackStatisticsQuery(dataSource).read(since), "since " + since);
        }
    }

    private AuditDatabaseStore store() {
        return new AuditDatabaseStore(dataSource, Optional.of("test-key"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Calls over four days with up to three cards each, and their answers, shuffled within a few entries of where
     * they belong, so that some answers come before their cards.
     */
    private static List<AuditEntry> entries(SplittableRandom random, int calls) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Instant at = NOW.minus(Duration.ofDays(4)).plusSeconds(random.nextLong(4 * 86_400));
            boolean answered = random.nextInt(10) < 8;
            List<CardAudit> cards = new ArrayList<>();
            for (int c = answered ? random.nextInt(4) : 0; c > 0; c--) {
                cards.add(new CardAudit(UUID.randomUUID().toString(), RULES.get(random.nextInt(RULES.size())),
                        random.nextBoolean() ? "1" : null, "warning", null));
            }
            entries.add(new InvocationAudit(UUID.randomUUID().toString(), "hook-" + i, "alliance-patient-view",
                    "patient-view", at, CALLER, answered ? (random.nextBoolean() ? "1.0.0+abc" : "1.0.1+def") : null,
                    cards.stream().map(CardAudit::ruleId).toList(), cards, answered ? 200 : 412, null, 5, "p", "u"));
            for (CardAudit card : cards) {
                Instant answer = at.plusSeconds(random.nextInt(3_600));
                for (int times = random.nextInt(4); times > 0; times--) {
                    entries.add(answer(random, card.uuid(), answer));
                    answer = random.nextBoolean() ? answer : answer.plusSeconds(random.nextInt(120));
                }
            }
            if (random.nextInt(20) == 0) {
                entries.add(answer(random, UUID.randomUUID().toString(), at));
            }
        }
        for (int i = 1; i < entries.size(); i++) {
            if (random.nextInt(6) == 0) {
                entries.add(i - 1, entries.remove(i));
            }
        }
        return entries;
    }

    private static FeedbackAudit answer(SplittableRandom random, String card, Instant at) {
        boolean accepted = random.nextBoolean();
        String reason = accepted || random.nextInt(3) == 0 ? null : REASONS.get(random.nextInt(REASONS.size()));
        return new FeedbackAudit(UUID.randomUUID().toString(), "alliance-patient-view", card,
                accepted ? "accepted" : "overridden", List.of(), reason == null ? null : "https://example.org/reasons",
                reason, null, at, at.plusSeconds(random.nextInt(2)), CALLER);
    }

    private void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
