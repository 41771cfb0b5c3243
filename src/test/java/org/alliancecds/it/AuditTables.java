package org.alliancecds.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the audit tables over JDBC, from the database the ITs' Payara writes to: the embedded H2 file (opened
 * through H2's auto-server while Payara holds it) or PostgreSQL in the postgres profile. The audit is written
 * after the answer, so reads wait for what they expect.
 */
final class AuditTables {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String url;
    private final String user;
    private final String password;

    private AuditTables(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database failsafe names in {@code audit.db.url}, {@code audit.db.user}, {@code audit.db.password}. */
    static AuditTables ofTheRun() {
        return new AuditTables(required("audit.db.url"), required("audit.db.user"), required("audit.db.password"));
    }

    /** Rows as column (lower case) to value, in the order the query gives them. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT),
                                result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit: " + sql, e);
        }
    }

    /** The rows once they satisfy the condition; fails with the last rows seen after {@link #PATIENCE}. */
    List<Map<String, Object>> await(Predicate<List<Map<String, Object>>> condition, String sql,
                                    Object... parameters) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Map<String, Object>> rows = rows(sql, parameters);
            if (condition.test(rows)) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + PATIENCE + " the audit still has " + rows + " for " + sql);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe sets it)");
        }
        return value;
    }
}
