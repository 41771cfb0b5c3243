package org.alliancecds.release;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What the release tables' JDBC code shares: times as the columns hold them, transactions, errors in words. */
final class Sql {

    /** The SQL state of a unique or primary key violation, on H2 and on PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** Work done with one connection, in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. The pooled connection
     * goes back with auto-commit as it was lent, since the audit writer shares the pool.
     *
     * @throws ReleaseStoreException when the database cannot be reached or refuses
     */
    static <T> T inTransaction(DataSource dataSource, String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ReleaseStoreException("the release store could not " + doing + ": " + e.getMessage(), e);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The text cut to fit its column, so that a long card summary is shortened rather than the row lost. */
    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
