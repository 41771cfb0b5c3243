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
 * Test scope: the feedback statistics counted from the audit's rows at each read, as {@link FeedbackStatisticsQuery}
 * did before the hourly counts (Flyway V7; its SQL as of commit 0189c09). The oracle the hourly counts are checked
 * against ({@code HourlyCountsTest}, and the audit-scale benchmark on a month of rows), and the "before" of that
 * benchmark. For a window that starts at an hour's start, both must give the same statistics.
 */
public final class FeedbackStatisticsFromRows {

    static final String SHOWN = "SELECT c.rule_id, c.rule_version, COUNT(*) AS cards FROM audit_card c"
            + " JOIN audit_invocation i ON i.id = c.invocation_id WHERE i.received_at >= ?"
            + " GROUP BY c.rule_id, c.rule_version";
    static final String MATCHED_FROM = " FROM audit_feedback f JOIN audit_card c ON c.card_uuid = f.card_uuid"
            + " JOIN audit_invocation i ON i.id = c.invocation_id WHERE f.matched = TRUE AND i.received_at >= ?";
    static final String LATEST_ANSWERS = "SELECT c.rule_id, f.outcome, f.override_reason_system,"
            + " f.override_reason, COUNT(*) AS answers"
            + MATCHED_FROM + " AND NOT EXISTS (SELECT 1 FROM audit_feedback later WHERE later.card_uuid = f.card_uuid"
            + " AND (later.outcome_at > f.outcome_at"
            + " OR (later.outcome_at = f.outcome_at AND later.received_at > f.received_at)"
            + " OR (later.outcome_at = f.outcome_at AND later.received_at = f.received_at AND later.id > f.id)))"
            + " GROUP BY c.rule_id, f.outcome, f.override_reason_system, f.override_reason";
    static final String MATCHED_ANSWERS = "SELECT COUNT(*)" + MATCHED_FROM;
    static final String UNMATCHED_ANSWERS = "SELECT COUNT(*) FROM audit_feedback"
            + " WHERE matched = FALSE AND received_at >= ?";
    static final String RULE_BASES = "SELECT rule_base_version, COUNT(*) AS calls,"
            + " MIN(received_at) AS first_call, MAX(received_at) AS last_call FROM audit_invocation"
            + " WHERE status = 200 AND rule_base_version IS NOT NULL AND received_at >= ?"
            + " GROUP BY rule_base_version ORDER BY MIN(received_at)";

    private final DataSource dataSource;

    /** The SQL of the two costly statements, for the benchmark's EXPLAIN: cards shown, and each card's latest answer. */
    public static List<String> costliest() {
        return List.of(SHOWN, LATEST_ANSWERS);
    }

    public FeedbackStatisticsFromRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The statistics of cards shown from {@code since} on ({@link Instant#EPOCH} for all). */
    public FeedbackStatistics read(Instant since) {
        try (Connection connection = dataSource.getConnection()) {
            return FeedbackStatisticsQuery.inOneSnapshot(connection, snapshot -> statistics(snapshot, since));
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit database cannot be read: " + AuditQueue.cause(e), e);
        }
    }

    private static FeedbackStatistics statistics(Connection connection, Instant since) throws SQLException {
        TreeMap<String, RuleCounts> rules = new TreeMap<>();
        try (ResultSet rows = query(connection, SHOWN, since)) {
            while (rows.next()) {
                rules.computeIfAbsent(rows.getString(1), RuleCounts::new).shown(rows.getString(2), rows.getLong(3));
            }
        }
        long counted = 0;
        try (ResultSet rows = query(connection, LATEST_ANSWERS, since)) {
            while (rows.next()) {
                rules.computeIfAbsent(rows.getString(1), RuleCounts::new)
                        .answered(rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5));
                counted += rows.getLong(5);
            }
        }
        long superseded = count(connection, MATCHED_ANSWERS, since) - counted;
        long unmatched = count(connection, UNMATCHED_ANSWERS, since);
        return new FeedbackStatistics(since, rules.values().stream().map(RuleCounts::result).toList(),
                ruleBases(connection, since), superseded, unmatched);
    }

    private static List<FeedbackStatistics.RuleBaseVersion> ruleBases(Connection connection, Instant since)
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

    private static long count(Connection connection, String sql, Instant since) throws SQLException {
        try (ResultSet rows = query(connection, sql, since)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each query has the window as its one parameter; closing the result set closes its statement. */
    private static ResultSet query(Connection connection, String sql, Instant since) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        statement.setObject(1, Columns.utc(since));
        return statement.executeQuery();
    }
}
