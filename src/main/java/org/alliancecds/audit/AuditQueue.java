package org.alliancecds.audit;

import org.alliancecds.common.LogText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes audit entries from request threads without ever blocking them, and writes them in order on one worker
 * thread. While the database is unreachable an entry waits and is retried, with a delay that doubles up to a cap,
 * for as long as the outage lasts; the bounded backlog keeps memory in check, and what does not fit is refused. An
 * entry the database refuses while it answers is retried a few times, then given up. Every entry refused or given
 * up is counted, and logged with its identifiers (drops as one line a minute with their counts): nothing is lost
 * silently, and the counts are exact even for an entry submitted while the queue stops.
 */
public final class AuditQueue {

    private static final Logger LOG = Logger.getLogger(AuditQueue.class.getName());
    private static final long POLL_MILLIS = 200;
    private static final Duration LAST_WAIT = Duration.ofSeconds(2);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofMinutes(1);

    private final int capacity;
    private final BlockingQueue<AuditEntry> backlog;
    private final AuditStore store;
    private final RetryPolicy retry;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final DropLog dropLog = new DropLog(LOG, DROP_LOG_INTERVAL, System::nanoTime);
    private volatile AuditEntry inFlight;
    private volatile String database = "starting";
    private volatile boolean stopping;
    private volatile boolean died;
    private volatile Thread worker;

    public AuditQueue(int capacity, AuditStore store, RetryPolicy retry) {
        this.capacity = capacity;
        this.backlog = new LinkedBlockingQueue<>(capacity);
        this.store = store;
        this.retry = retry;
    }

    /** Takes an entry for writing; returns at once. A full backlog, or a queue shutting down, refuses it. */
    public void submit(AuditEntry entry) {
        if (stopping) {
            drop(entry, "the service is shutting down");
        } else if (!backlog.offer(entry)) {
            drop(entry, "the backlog is full (" + capacity + " entries)");
        } else if (stopping && backlog.remove(entry)) {
            // stop() began between the check and the offer and may have drained the backlog already: the entry
            // would stay there unseen. Whoever takes it counts it: stop()'s drain, the worker, or this drop.
            drop(entry, "the service is shutting down");
        }
    }

    public synchronized void start(ThreadFactory threads) {
        if (worker == null) {
            worker = threads.newThread(this::work);
            worker.setName("audit-writer");
            worker.start();
        }
    }

    /** Stops taking entries and gives the worker until the deadline to write the backlog; what is left is dropped. */
    public synchronized void stop(Duration drain) {
        stopping = true;
        Thread running = worker;
        if (running != null && !join(running, drain)) {
            running.interrupt();
            join(running, LAST_WAIT);
        }
        AuditEntry unfinished = inFlight;
        if (unfinished != null) {
            // A write blocked in the driver may still complete: then this entry is both written and reported here.
            inFlight = null;
            drop(unfinished, "still being written at shutdown");
        }
        List<AuditEntry> left = new ArrayList<>();
        backlog.drainTo(left);
        left.forEach(entry -> drop(entry, "not written before shutdown"));
        database = "stopped";
        dropLog.flush();
        AuditStats last = stats();
        LOG.info(() -> "audit: stopped; " + last.written() + " entries written, " + last.failed() + " failed, "
                + last.dropped() + " dropped since start");
    }

    public AuditStats stats() {
        long pending = backlog.size() + (inFlight == null ? 0 : 1);
        return new AuditStats(database, pending, written.get(), retries.get(), failed.get(), dropped.get());
    }

    /**
     * Whether the worker died of an unexpected error: nothing more will be written until a restart. A worker ended
     * by {@link #stop} did not die, and one that died stays reported after a stop.
     */
    public boolean writerDied() {
        return died;
    }

    private void work() {
        try {
            prepare();
            while (!stopping || !backlog.isEmpty()) {
                AuditEntry entry = backlog.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                dropLog.flushIfDue();
                if (entry != null) {
                    inFlight = entry;
                    write(entry);
                    inFlight = null;
                }
            }
        } catch (InterruptedException e) {
            // The shutdown deadline passed; stop() reports what was not written.
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            died = true;
            LOG.log(Level.SEVERE, "audit: the writer stopped unexpectedly; entries will pile up and be dropped", e);
        }
    }

    /** Tries until the store is ready; a shutdown does not stop it, its deadline does (by interrupting). */
    private void prepare() throws InterruptedException {
        Duration delay = retry.firstDelay();
        while (true) {
            try {
                store.prepare();
                up();
                return;
            } catch (RuntimeException e) {
                unavailable(e);
                Thread.sleep(delay.toMillis());
                delay = retry.after(delay);
            }
        }
    }

    private void write(AuditEntry entry) throws InterruptedException {
        Duration delay = retry.firstDelay();
        int refusals = 0;
        while (true) {
            try {
                store.write(entry);
                written.incrementAndGet();
                up();
                return;
            } catch (RuntimeException e) {
                if (reachable()) {
                    up();
                    refusals++;
                    if (refusals >= retry.maxAttempts()) {
                        failed.incrementAndGet();
                        LOG.warning(() -> "audit: gave up " + entry.describe() + " after " + retry.maxAttempts()
                                + " attempts the database refused: " + cause(e));
                        return;
                    }
                } else {
                    unavailable(e);
                }
                retries.incrementAndGet();
                LOG.fine(() -> "audit: retrying " + entry.describe() + ": " + cause(e));
                dropLog.flushIfDue();
                Thread.sleep(delay.toMillis());
                delay = retry.after(delay);
            }
        }
    }

    private boolean reachable() {
        try {
            return store.reachable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void up() {
        if (!"up".equals(database)) {
            LOG.info(() -> "audit: the database is " + ("starting".equals(database) ? "ready" : "back") + "; "
                    + backlog.size() + " entries waiting");
            database = "up";
        }
    }

    private void unavailable(RuntimeException e) {
        if (!"unavailable".equals(database)) {
            LOG.warning(() -> "audit: the database is unavailable; entries wait in memory (at most " + capacity
                    + ") and are retried: " + cause(e));
            database = "unavailable";
        }
    }

    private void drop(AuditEntry entry, String reason) {
        dropped.incrementAndGet();
        dropLog.dropped(entry.describe(), reason);
    }

    private static boolean join(Thread thread, Duration wait) {
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** The innermost cause, which names what the database or driver said. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // A driver's message may quote the value it refused, which the client sent.
        return root.getClass().getSimpleName() + ": " + LogText.safe(root.getMessage());
    }
}
