package org.alliancecds.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit database as the queue's store: Flyway migrates the schema, then each entry is written in its own JPA
 * transaction. The persistence unit is created here, not by the container, so that a database that is down when the
 * service starts delays the audit instead of failing the deployment. Patient ids are pseudonymised with
 * {@code cds.audit.pseudonym-key} when configured (kept out of the database, a copy of the database alone cannot be
 * matched against a list of patient ids), or else with the installation's key stored in the database.
 */
public final class AuditDatabaseStore implements AuditStore, AutoCloseable {

    private static final int VALIDATION_SECONDS = 5;
    // EclipseLink's names (org.eclipse.persistence.config.PersistenceUnitProperties), spelt out so that the
    // application compiles against the JPA API alone.
    private static final String DESCRIPTOR = "eclipselink.persistencexml";
    private static final String CLASS_LOADER = "eclipselink.classloader";
    private static final String NON_JTA_DATA_SOURCE = "jakarta.persistence.nonJtaDataSource";

    private final DataSource dataSource;
    private final Optional<String> configuredKey;
    private final Clock clock;
    private volatile EntityManagerFactory factory;
    private volatile Pseudonyms pseudonyms;
    private volatile boolean onConflict;

    public AuditDatabaseStore(DataSource dataSource, Optional<String> configuredKey, Clock clock) {
        this.dataSource = dataSource;
        this.configuredKey = configuredKey.filter(key -> !key.isBlank());
        this.clock = clock;
    }

    @Override
    public void prepare() {
        SchemaMigration.migrate(dataSource);
        onConflict = isPostgreSql(dataSource);
        if (factory == null) {
            factory = Persistence.createEntityManagerFactory("audit", Map.of(
                    DESCRIPTOR, "META-INF/audit-persistence.xml",
                    NON_JTA_DATA_SOURCE, dataSource,
                    CLASS_LOADER, AuditDatabaseStore.class.getClassLoader()));
        }
        String key = configuredKey.orElseGet(() -> inTransaction(em -> InstallationKey.loadOrCreate(em, clock), true));
        Pseudonyms keyed = Pseudonyms.withKey(key);
        inTransaction(em -> {
            Rehearsal.writeAll(new AuditRows(em, keyed, onConflict), clock.instant());
            em.flush();
            return null;
        }, false);
        pseudonyms = keyed;
    }

    @Override
    public void write(AuditEntry entry) {
        Pseudonyms keyed = pseudonyms;
        if (keyed == null) {
            throw new IllegalStateException("the audit store is not prepared");
        }
        inTransaction(em -> {
            new AuditRows(em, keyed, onConflict).store(entry);
            return null;
        }, true);
    }

    @Override
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the database adds to the hourly counts with {@code INSERT … ON CONFLICT}, which only PostgreSQL has. */
    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit database cannot be read: " + AuditQueue.cause(e), e);
        }
    }

    /**
     * The pseudonyms the audit writes, once {@link #prepare()} has found the key (until then the installation's key
     * may still be in a database that is down).
     */
    public Optional<Pseudonyms> pseudonyms() {
        return Optional.ofNullable(pseudonyms);
    }

    /** Runs a read in its own transaction; for tests and tools that look at what was written. */
    public <T> T read(Function<EntityManager, T> query) {
        return inTransaction(query, false);
    }

    @Override
    public void close() {
        EntityManagerFactory open = factory;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }

    /** Runs work in a transaction of its own, committed or rolled back as asked, or rolled back when it fails. */
    private <T> T inTransaction(Function<EntityManager, T> work, boolean commit) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            if (commit) {
                transaction.commit();
            }
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }
}
