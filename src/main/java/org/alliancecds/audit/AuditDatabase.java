package org.alliancecds.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

/**
 * The audit's database: an embedded H2 file out of the box, any database the application has a driver for (H2,
 * PostgreSQL) by setting {@code cds.db.url}, {@code cds.db.user} and {@code cds.db.password} (system properties or
 * {@code CDS_DB_URL}… environment variables). Payara reads these when it deploys the application, before the
 * application's own configuration files are read, so the defaults are written here in Payara's
 * {@code ${MPCONFIG=name:default}} form. The pool is small: one writer, the console's occasional
 * statistics and {@code quiet}'s cache misses use it.
 */
@DataSourceDefinition(
        name = AuditDatabase.JNDI_NAME,
        className = "org.alliancecds.audit.JdbcUrlDataSource",
        url = "${MPCONFIG=cds.db.url:jdbc:h2:./alliance-cds-audit;DB_CLOSE_ON_EXIT=FALSE}",
        user = "${MPCONFIG=cds.db.user:sa}",
        password = "${MPCONFIG=cds.db.password:}",
        initialPoolSize = 0,
        minPoolSize = 0,
        maxPoolSize = 4,
        properties = {
                // A connection the database dropped (restart, failover) is replaced instead of failing a write.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=10000"
        })
@ApplicationScoped
public class AuditDatabase {

    static final String JNDI_NAME = "java:app/jdbc/alliance-audit";

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** The pool, for readers of the audit tables (the console's statistics, {@code quiet}'s answered cards). */
    public DataSource dataSource() {
        return dataSource;
    }
}
