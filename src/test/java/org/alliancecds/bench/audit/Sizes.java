package org.alliancecds.bench.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The audit tables' rows and sizes on disk (heap, indexes, total with TOAST), as PostgreSQL reports them. */
final class Sizes {

    static final List<String> TABLES = List.of("audit_invocation", "audit_card", "audit_feedback");

    private Sizes() {
    }

    static String header() {
        return "| when | table | rows | heap MB | indexes MB | total MB |\n|---|---|---|---|---|---|";
    }

    /** One table row per audit table, and their sum, labelled {@code when}. */
    static String rows(DataSource database, String when) throws SQLException {
        StringBuilder out = new StringBuilder();
        long rows = 0;
        long heap = 0;
        long indexes = 0;
        long total = 0;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM " + table + "),"
                        + " pg_relation_size('" + table + "'), pg_indexes_size('" + table + "'),"
                        + " pg_total_relation_size('" + table + "')")) {
                    row.next();
                    out.append(line(when, table, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
                    rows += row.getLong(1);
                    heap += row.getLong(2);
                    indexes += row.getLong(3);
                    total += row.getLong(4);
                }
            }
        }
        out.append(line(when, "**all three**", rows, heap, indexes, total));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*), CAST(COALESCE(SUM(c.reltuples), 0) AS BIGINT),"
                     + " COALESCE(SUM(pg_relation_size(c.oid)), 0), COALESCE(SUM(pg_indexes_size(c.oid)), 0),"
                     + " COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                     + " WHERE c.relkind = 'r' AND c.relname LIKE 'audit\\_hourly\\_%'")) {
            row.next();
            if (row.getLong(1) > 0) {
                out.append(line(when, "hourly counts (V7, rows estimated)", Math.max(0, row.getLong(2)),
                        row.getLong(3), row.getLong(4), row.getLong(5)));
            }
        }
        return out.toString();
    }

    static long total(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_total_relation_size('audit_invocation')"
                     + " + pg_total_relation_size('audit_card') + pg_total_relation_size('audit_feedback')")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String line(String when, String table, long rows, long heap, long indexes, long total) {
        return String.format("| %s | %s | %,d | %,.0f | %,.0f | %,.0f |%n", when, table, rows, mb(heap), mb(indexes),
                mb(total));
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
