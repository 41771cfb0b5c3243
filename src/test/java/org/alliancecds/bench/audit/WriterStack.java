package org.alliancecds.bench.audit;

import org.alliancecds.audit.AuditDatabaseStore;
import org.alliancecds.audit.AuditEntry;
import org.alliancecds.audit.AuditQueue;
import org.alliancecds.audit.AuditStats;
import org.alliancecds.audit.RetryPolicy;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * One service instance's audit writer, as {@code AuditTrail} builds it: its own pool of 4 connections (Payara's
 * {@code maxPoolSize} for the audit), an {@link AuditDatabaseStore} (Flyway, then one JPA transaction per entry) and
 * an {@link AuditQueue} of the default capacity with the default retry policy. It also keeps, for each entry
 * submitted, how many rows it makes, so that the queue's count of entries written says how many rows were written
 * (the queue writes in order).
 */
final class WriterStack implements AutoCloseable {

    static final int POOL_SIZE = 4;
    static final int QUEUE_CAPACITY = 10_000;

    private final SmallPool pool;
    private final AuditDatabaseStore store;
    private final AuditQueue queue;
    private long[] rowsUpTo = new long[1 << 16];
    private int submitted;

    WriterStack(DataSource database, String pseudonymKey) {
        this.pool = new SmallPool(database, POOL_SIZE);
        this.store = new AuditDatabaseStore(pool, Optional.of(pseudonymKey), Clock.systemUTC());
        this.queue = new AuditQueue(QUEUE_CAPACITY, store,
                new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(10_000)));
    }

    /** Starts the writer thread and waits until it has migrated the schema and is writing. */
    void start() throws InterruptedException {
        queue.start(Thread::new);
        while (!"up".equals(queue.stats().database())) {
            Thread.sleep(50);
        }
    }

    synchronized void submit(HookCallMix.Call call) {
        entry(call.invocation(), 1 + call.invocation().cards().size());
        call.feedback().forEach(item -> entry(item, 1));
    }

    private void entry(AuditEntry entry, int rows) {
        if (submitted + 1 >= rowsUpTo.length) {
            rowsUpTo = Arrays.copyOf(rowsUpTo, rowsUpTo.length * 2);
        }
        rowsUpTo[submitted + 1] = rowsUpTo[submitted] + rows;
        submitted++;
        queue.submit(entry);
    }

    /** Rows of the entries written so far (given up or dropped entries would make this an estimate: see stats). */
    synchronized long rowsWritten() {
        AuditStats stats = queue.stats();
        long done = Math.min(submitted, stats.written() + stats.failed());
        return rowsUpTo[(int) done];
    }

    AuditStats stats() {
        return queue.stats();
    }

    @Override
    public void close() throws SQLException {
        queue.stop(Duration.ofSeconds(30));
        store.close();
        pool.close();
    }
}
