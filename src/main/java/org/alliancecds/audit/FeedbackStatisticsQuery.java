package org.alliancecds.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the feedback statistics from the hourly counts the audit writer keeps (Flyway V7, {@link HourlyCounts}), summed
 * by the database (portable SQL, the same on H2 and PostgreSQL), over plain JDBC: the read works whether or not the
 * audit writer has started its persistence unit, and its cost grows with the hours in the window, not with the
 * calls. A window starts at the start of an hour (UTC): {@code since} is taken back to its hour's start.
 * <p>
 * A card's answer is its latest feedback item (by the clinician's time, then by arrival), so an EHR that sends an
 * answer again, or a clinician who changes their mind, counts once per card and accepted + overridden never exceeds
 * the cards shown; the earlier items are counted as superseded. All queries read one snapshot.
 */
public final class FeedbackStatisticsQuery {

    private static final String SHOWN = "SELECT rule_id, rule_version, SUM(cards) FROM audit_hourly_cards"
            + " WHERE shown_hour >= ? GROUP BY rule_id, rule_version";
    private static final String ANSWERS = "SELECT rule_id, outcome, reason_system, reason, SUM(latest), SUM(answers)"
            + " FROM audit_hourly_answers WHERE shown_hour >= ? GROUP BY rule_id, outcome, reason_system, reason";
    private static final String UNMATCHED_ANSWERS = "SELECT COALESCE(SUM(answers), 0) FROM audit_hourly_unmatched"
            + " WHERE received_hour >= ?";
    private static final String RULE_BASES = "SELECT rule_base_version, SUM(calls), MIN(first_call), MAX(last_call)"
            + " FROM audit_hourly_calls WHERE received_hour >= ? GROUP BY rule_base_version ORDER BY MIN(first_call)";

    private final DataSource dataSource;

    public FeedbackStatisticsQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The statistics of cards shown from the start of {@code since}'s hour on ({@link Instant#EPOCH} for all); the
     * answer's {@code since} is that start.
     */
    public FeedbackStatistics read(Instant since) {
        long hour = HourlyCounts.hour(since);
        try (Connection connection = dataSource.getConnection()) {
            return inOneSnapshot(connection, snapshot -> statistics(snapshot, hour));
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit database cannot be read: " + AuditQueue.cause(e), e);
        }
    }

    /**
     * Repeatable read gives the queries one snapshot, so the counts add up; the transaction only reads and is rolled
     * back, and the pooled connection is handed back as it was lent (the audit writer shares the pool).
     */
    static <T> T inOneSnapshot(Connection connection, SnapshotRead<T> read) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return read.on(connection);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Reads on a connection whose transaction is one snapshot. */
    interface SnapshotRead<T> {
        T on(Connection snapshot) throws SQLException;
    }

    private static FeedbackStatistics statistics(Connection connection, long since) throws SQLException {
        TreeMap<String, RuleCounts> rules = new TreeMap<>();
        try (ResultSet rows = query(connection, SHOWN, since)) {
            while (rows.next()) {
                rules.computeIfAbsent(rows.getString(1), RuleCounts::new)
                        .shown(absent(rows.getString(2)), rows.getLong(3));
            }
        }
        long superseded = 0;
        try (ResultSet rows = query(connection, ANSWERS, since)) {
            while (rows.next()) {
                long latest = rows.getLong(5);
                if (latest != 0) {
                    rules.computeIfAbsent(rows.getString(1), RuleCounts::new).answered(rows.getString(2),
                            absent(rows.getString(3)), absent(rows.getString(4)), latest);
                }
                superseded += rows.getLong(6) - latest;
            }
        }
        return new FeedbackStatistics(Instant.ofEpochSecond(since * 3600), rules.values().stream()
                .map(RuleCounts::result).toList(), ruleBases(connection, since), superseded,
                count(connection, UNMATCHED_ANSWERS, since));
    }

    /** The counts keep an absent version, system or reason as '' (a key column); the statistics say null. */
    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<FeedbackStatistics.RuleBaseVersion> ruleBases(Connection connection, long since)
            throws SQLException {
        List<FeedbackStatistics.RuleBaseVersion> versions = new ArrayList<>();
        try (ResultSet rows = query(connection, RULE_BASES, since)) {
            while (rows.next()) {
                versions.add(new FeedbackStatistics.RuleBaseVersion(rows.getString(1), rows.getLong(2),
                        rows.getObject(3, OffsetDateTime.class).toInstant(),
                        rows.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return versions;
    }

    private static long count(Connection connection, String sql, long since) throws SQLException {
        try (ResultSet rows = query(connection, sql, since)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each query has the window's first hour as its one parameter; closing the result set closes its statement. */
    private static ResultSet query(Connection connection, String sql, long since) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        statement.setLong(1, since);
        return statement.executeQuery();
    }
}
