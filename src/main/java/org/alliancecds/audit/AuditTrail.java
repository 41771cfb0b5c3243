package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP boundary hands its invocations, feedback and admin calls to. Hand-over takes microseconds and never waits for the
 * database: entries are queued and written by the audit's own thread, which starts with the application and, at
 * shutdown, gets {@code cds.audit.shutdown-drain-seconds} to write what is still queued.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    @Inject
    AuditDatabase database;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cds.audit.pseudonym-key")
    Optional<String> pseudonymKey;

    @Inject
    @ConfigProperty(name = "cds.audit.queue-capacity", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "cds.audit.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "cds.audit.max-retry-delay-ms", defaultValue = "10000")
    long maxRetryDelayMs;

    @Inject
    @ConfigProperty(name = "cds.audit.shutdown-drain-seconds", defaultValue = "10")
    long drainSeconds;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private AuditDatabaseStore store;
    private AuditQueue queue;

    @PostConstruct
    void create() {
        store = new AuditDatabaseStore(database.dataSource(), pseudonymKey, clock);
        queue = new AuditQueue(capacity, store,
                new RetryPolicy(maxAttempts, FIRST_RETRY, Duration.ofMillis(maxRetryDelayMs)));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        queue.start(threads);
    }

    /** Writes what is queued, for at most {@code cds.audit.shutdown-drain-seconds}; what is left is dropped. */
    @PreDestroy
    void stop() {
        queue.stop(Duration.ofSeconds(drainSeconds));
        store.close();
    }

    public void invocation(InvocationAudit call) {
        queue.submit(call);
    }

    public void adminAction(AdminActionAudit action) {
        queue.submit(action);
    }

    public void feedback(List<FeedbackItem> items, Caller caller, Instant receivedAt) {
        items.forEach(item -> queue.submit(FeedbackAudit.of(item, caller, receivedAt)));
    }

    /**
     * The pseudonyms the audit writes patients and users under, once the audit has reached its database (or at once
     * with a configured key); empty until then.
     */
    public Optional<Pseudonyms> pseudonyms() {
        return store.pseudonyms();
    }

    public AuditStats stats() {
        return queue.stats();
    }

    public boolean writerDied() {
        return queue.writerDied();
    }
}
