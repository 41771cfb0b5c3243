package org.alliancecds.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the audit tables over JDBC, from the database the ITs' Payara writes to: H2, served for the run by the H2
 * TCP server Maven starts, or PostgreSQL in the postgres profile. The audit is written after the answer, so reads
 * wait for what they expect.
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

    /**
     * Makes the audit database hang until closed: PostgreSQL locks the invocation table, so writes wait for the
     * lock; H2 goes into exclusive mode, in which other connections' statements wait.
     */
    AutoCloseable hang() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement statement = connection.createStatement()) {
            if (url.startsWith("jdbc:postgresql:")) {
                connection.setAutoCommit(false);
                statement.execute("LOCK TABLE audit_invocation IN ACCESS EXCLUSIVE MODE");
                return () -> {
                    connection.rollback();
                    connection.close();
                };
            }
            statement.execute("SET EXCLUSIVE 1");
            return () -> {
                try (Statement release = connection.createStatement()) {
                    release.execute("SET EXCLUSIVE 0");
                }
                connection.close();
            };
        }
    }

    /**
     * Takes the PostgreSQL audit database down until closed: it refuses new connections and its open ones are
     * ended, as in a restart or failover. Needs the maintenance database in {@code audit.db.admin-url}.
     */
    AutoCloseable takeDown() throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String admin = required("audit.db.admin-url");
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + database + "' AND pid <> pg_backend_pid()");
        }
        return () -> {
            try (Connection connection = DriverManager.getConnection(admin, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        };
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe sets it)");
        }
        return value;
    }
}
