package org.alliancecds.testing;

import org.alliancecds.audit.JdbcUrlDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Drops and re-creates the PostgreSQL database the ITs' audit writes to, so that each run of the postgres profile
 * starts empty and Flyway builds the schema from scratch. Run by Maven before the ITs:
 * {@code ResetAuditDatabase <maintenance database URL> <user> <password> <audit database URL>}.
 */
public final class ResetAuditDatabase {

    private static final Logger LOG = Logger.getLogger(ResetAuditDatabase.class.getName());

    private ResetAuditDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ResetAuditDatabase adminUrl user password auditUrl");
        }
        String database = args[3].substring(args[3].lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        JdbcUrlDataSource admin = new JdbcUrlDataSource();
        admin.setUrl(args[0]);
        admin.setUser(args[1]);
        admin.setPassword(args[2]);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        LOG.info(() -> "audit database " + database + " created empty");
    }
}
