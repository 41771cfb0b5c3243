package org.alliancecds.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes what the audit received before a cut-off, in batches of {@value #BATCH} rows, each batch its own short
 * transaction: a month's expiry at network scale (millions of rows) never holds locks or a transaction long enough
 * to stall the writers, and a stop half-way leaves only whole batches removed. Same SQL on H2 and PostgreSQL.
 * <p>
 * What goes: hook calls with their cards, feedback items, admin calls, a shadow run's differences, and the hourly
 * counts of the feedback statistics for the same hours. What stays: the installation key (pseudonyms must stay
 * stable) and the releases with their steps, which are the record of what ran when. The cut-off is taken back to the
 * start of its hour, so that the counts of an hour go with its rows, never before them.
 */
final class Retention {

    static final int BATCH = 5_000;

    /** Tables whose rows expire on their own, with the column that says when each row came, in expiry order. */
    private static final Map<String, String> SINGLE_TABLES = orderedMap();

    /** The hourly counts (Flyway V7), with the column that says which hour a row counts. */
    private static final Map<String, String> COUNTS = Map.of("audit_hourly_cards", "shown_hour",
            "audit_hourly_answers", "shown_hour", "audit_hourly_unmatched", "received_hour",
            "audit_hourly_calls", "received_hour");

    private final DataSource dataSource;

    private static Map<String, String> orderedMap() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("audit_feedback", "received_at");
        tables.put("audit_admin_action", "received_at");
        tables.put("rule_release_shadow_difference", "recorded_at");
        return tables;
    }

    Retention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Removes every row received before the start of {@code cutoff}'s hour; answers how many per table. */
    Map<String, Long> expire(Instant cutoff) throws SQLException {
        Instant hourStart = Instant.ofEpochSecond(HourlyCounts.hour(cutoff) * 3600);
        Map<String, Long> removed = rows(hourStart);
        expireCounts(HourlyCounts.hour(cutoff));
        return removed;
    }

    private Map<String, Long> rows(Instant cutoff) throws SQLException {
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("audit_invocation", expireInvocations(cutoff));
        for (Map.Entry<String, String> table : SINGLE_TABLES.entrySet()) {
            removed.put(table.getKey(), expireSingle(table.getKey(), table.getValue(), cutoff));
        }
        return removed;
    }

    /** The hourly counts of the hours removed: a few hundred rows an hour, in one short transaction per table. */
    private void expireCounts(long hour) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : COUNTS.keySet()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE "
                        + COUNTS.get(table) + " < ?")) {
                    delete.setLong(1, hour);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** Calls and their cards: the cards of a batch of calls first (they point at their call), then the calls. */
    private long expireInvocations(Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<Object> ids = oldest(connection, "audit_invocation", "received_at", cutoff);
                if (ids.isEmpty()) {
                    connection.commit();
                    return total;
                }
                delete(connection, "audit_card", "invocation_id", ids);
                delete(connection, "audit_invocation", "id", ids);
                connection.commit();
                total += ids.size();
            }
        }
    }

    private long expireSingle(String table, String column, Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<Object> ids = oldest(connection, table, column, cutoff);
                if (ids.isEmpty()) {
                    connection.commit();
                    return total;
                }
                delete(connection, table, "id", ids);
                connection.commit();
                total += ids.size();
            }
        }
    }

    /** The ids of up to one batch of rows older than the cut-off, found by the table's time index. */
    private static List<Object> oldest(Connection connection, String table, String column, Instant cutoff)
            throws SQLException {
        List<Object> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " WHERE " + column
                + " < ? ORDER BY " + column + " FETCH FIRST " + BATCH + " ROWS ONLY")) {
            select.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1));
                }
            }
        }
        return ids;
    }

    private static void delete(Connection connection, String table, String column, List<Object> ids)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column
                + " = ?")) {
            for (Object id : ids) {
                delete.setObject(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
