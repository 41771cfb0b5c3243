package org.alliancecds.release;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a candidate in shadow would have answered differently, in the shared database: the differences, written in
 * batches, and per candidate and instance a count of calls compared and calls that differed, added to in place (one
 * row per instance, so instances never wait on each other's row, and a call adds no row of its own). Read back as a
 * report per rule, counted by the database.
 */
public final class ShadowStore {

    private static final String INSERT = "INSERT INTO rule_release_shadow_difference (candidate_version,"
            + " live_version, instance_id, recorded_at, hook, hook_instance, patient_pseudonym, rule_id, change_kind,"
            + " live_text, candidate_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADD = "UPDATE rule_release_shadow_count SET compared_calls = compared_calls + ?,"
            + " differing_calls = differing_calls + ?, updated_at = ? WHERE candidate_version = ? AND instance_id = ?";
    private static final String FIRST = "INSERT INTO rule_release_shadow_count"
            + " (compared_calls, differing_calls, updated_at, candidate_version, instance_id) VALUES (?, ?, ?, ?, ?)";
    private static final String TOTALS = "SELECT COALESCE(SUM(compared_calls), 0), COALESCE(SUM(differing_calls), 0)"
            + " FROM rule_release_shadow_count WHERE candidate_version = ?";
    private static final String PER_RULE = "SELECT rule_id, change_kind, COUNT(*) FROM rule_release_shadow_difference"
            + " WHERE candidate_version = ? GROUP BY rule_id, change_kind";
    private static final String EXAMPLES = "SELECT candidate_version, live_version, instance_id, recorded_at, hook,"
            + " hook_instance, patient_pseudonym, rule_id, change_kind, live_text, candidate_text"
            + " FROM rule_release_shadow_difference WHERE candidate_version = ? AND rule_id = ?"
            + " ORDER BY id DESC";

    private final DataSource dataSource;
    private final Clock clock;

    public ShadowStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Writes the differences in one batch and one transaction; nothing for an empty list. */
    public void record(List<ShadowDifference> differences) {
        if (differences.isEmpty()) {
            return;
        }
        Sql.inTransaction(dataSource, "record shadow differences", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ShadowDifference difference : differences) {
                    insert.setString(1, difference.candidateVersion().toString());
                    insert.setString(2, difference.liveVersion());
                    insert.setString(3, difference.instanceId());
                    Sql.setInstant(insert, 4, difference.recordedAt());
                    insert.setString(5, difference.hook());
                    insert.setString(6, difference.hookInstance());
                    insert.setString(7, difference.patientPseudonym());
                    insert.setString(8, difference.ruleId());
                    insert.setString(9, difference.change().code());
                    insert.setString(10, difference.liveText());
                    insert.setString(11, difference.candidateText());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Adds to the instance's count of calls compared under the candidate and of those that differed. Counts can be
     * gathered in memory and added every few seconds, so that shadow costs the database no write per call.
     */
    public void count(SemanticVersion candidate, String instanceId, long compared, long differing) {
        if (compared < 0 || differing < 0 || differing > compared) {
            throw new IllegalArgumentException("calls compared (" + compared + ") and differing (" + differing
                    + ") must be counts, the second at most the first");
        }
        Sql.inTransaction(dataSource, "count shadow calls", connection -> {
            if (addTo(connection, ADD, candidate, instanceId, compared, differing) == 0) {
                addTo(connection, FIRST, candidate, instanceId, compared, differing);
            }
            return null;
        });
    }

    /**
     * The candidate's differences: calls compared and differing, and per rule the count of each kind of change with
     * the latest {@code examplesPerRule} differences.
     */
    public ShadowReport report(SemanticVersion candidate, int examplesPerRule) {
        return Sql.inTransaction(dataSource, "read the shadow report of " + candidate, connection -> {
            long[] totals = totals(connection, candidate);
            List<RuleShadowDifferences> rules = new ArrayList<>();
            for (Map.Entry<String, Map<ShadowChange, Long>> rule : countsPerRule(connection, candidate).entrySet()) {
                rules.add(new RuleShadowDifferences(rule.getKey(), rule.getValue(),
                        examples(connection, candidate, rule.getKey(), examplesPerRule)));
            }
            return new ShadowReport(candidate, totals[0], totals[1], rules);
        });
    }

    private int addTo(Connection connection, String sql, SemanticVersion candidate, String instanceId, long compared,
                      long differing) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, compared);
            statement.setLong(2, differing);
            Sql.setInstant(statement, 3, clock.instant());
            statement.setString(4, candidate.toString());
            statement.setString(5, instanceId);
            return statement.executeUpdate();
        }
    }

    private static long[] totals(Connection connection, SemanticVersion candidate) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOTALS)) {
            statement.setString(1, candidate.toString());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[]{row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static Map<String, Map<ShadowChange, Long>> countsPerRule(Connection connection, SemanticVersion candidate)
            throws SQLException {
        Map<String, Map<ShadowChange, Long>> perRule = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(PER_RULE)) {
            statement.setString(1, candidate.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    perRule.computeIfAbsent(rows.getString(1), rule -> new EnumMap<>(ShadowChange.class))
                            .put(ShadowChange.ofCode(rows.getString(2)), rows.getLong(3));
                }
            }
        }
        return perRule;
    }

    private static List<ShadowDifference> examples(Connection connection, SemanticVersion candidate, String ruleId,
                                                   int limit) throws SQLException {
        List<ShadowDifference> examples = new ArrayList<>();
        if (limit <= 0) {
            return examples;
        }
        try (PreparedStatement statement = connection.prepareStatement(EXAMPLES)) {
            statement.setString(1, candidate.toString());
            statement.setString(2, ruleId);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    examples.add(new ShadowDifference(SemanticVersion.parse(rows.getString("candidate_version")),
                            rows.getString("live_version"), rows.getString("instance_id"),
                            Sql.instant(rows, "recorded_at"), rows.getString("hook"), rows.getString("hook_instance"),
                            rows.getString("patient_pseudonym"), rows.getString("rule_id"),
                            ShadowChange.ofCode(rows.getString("change_kind")), rows.getString("live_text"),
                            rows.getString("candidate_text")));
                }
            }
        }
        return examples;
    }
}
