package org.alliancecds.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue in front of the database: requests never wait for it, and nothing leaves it uncounted. */
class AuditQueueTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private AuditQueue queue;

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aBlockedDatabaseNeverHoldsUpTheCallerAndTheOverflowIsCounted() {
        TestStore store = new TestStore().blocked();
        queue = started(new AuditQueue(100, store, FAST));
        queue.submit(Entries.invocation("first"));
        await(() -> store.attempts.get() == 1, "the first entry never reached the store");

        IntStream.range(0, 1000).forEach(i -> queue.submit(Entries.invocation("e" + i)));

        // No time limit (the machine may be loaded): the proof is that all submits returned while the store still
        // holds its first write, which it does until unblocked (or for a minute, far beyond any slow run).
        assertEquals(1, store.attempts.get(), "the store was asked for more than the first write");
        assertTrue(store.written.isEmpty(), "the store's first write finished before the submits did");
        AuditStats blocked = queue.stats();
        assertEquals(101, blocked.pending(), blocked::toString);
        assertEquals(900, blocked.dropped(), blocked::toString);
        store.unblock();
        await(() -> queue.stats().pending() == 0, "the backlog was not written");
        assertEquals(101, queue.stats().written());
        assertEquals(0, queue.stats().failed());
    }

    @Test
    void duringAnOutageEntriesWaitAndAreWrittenInOrderWhenTheDatabaseIsBack() {
        TestStore store = new TestStore();
        queue = started(new AuditQueue(100, store, FAST));
        await(() -> "up".equals(queue.stats().database()), "the store was not prepared");
        store.down(true);
        List.of("a", "b", "c").forEach(id -> queue.submit(Entries.invocation(id)));
        await(() -> queue.stats().retries() > 10, "the entry was not retried");

        AuditStats outage = queue.stats();
        assertEquals("unavailable", outage.database());
        assertEquals(3, outage.pending());
        assertEquals(0, outage.failed(), "an outage must not use up an entry's attempts");
        store.down(false);
        await(() -> queue.stats().written() == 3, "the backlog was not written");
        assertEquals(List.of("a", "b", "c"), store.written.stream().map(AuditEntry::id).toList());
        assertEquals("up", queue.stats().database());
    }

    @Test
    void anEntryTheDatabaseRefusesIsGivenUpAfterItsAttemptsAndTheOthersAreWritten() {
        TestStore store = new TestStore().refusing("bad");
        queue = started(new AuditQueue(100, store, FAST));
        List.of("a", "bad", "c").forEach(id -> queue.submit(Entries.invocation(id)));
        await(() -> queue.stats().pending() == 0 && queue.stats().written() == 2, "not all entries were handled");

        AuditStats stats = queue.stats();
        assertEquals(1, stats.failed(), stats::toString);
        assertEquals(2, stats.retries(), stats::toString);
        assertEquals(List.of("a", "c"), store.written.stream().map(AuditEntry::id).toList());
    }

    @Test
    void aDatabaseDownAtStartDelaysTheAuditAndLosesNothing() {
        TestStore store = new TestStore();
        store.prepareFailuresLeft.set(5);
        queue = new AuditQueue(100, store, FAST);
        queue.submit(Entries.invocation("early"));
        queue.start(Executors.defaultThreadFactory());
        await(() -> queue.stats().written() == 1, "the entry queued before the database was ready was lost");
        assertEquals(0, queue.stats().dropped());
    }

    @Test
    void stoppingWritesTheBacklogFirstEvenWhenItComesBeforeTheStoreWasReady() {
        TestStore store = new TestStore();
        store.prepareFailuresLeft.set(3);
        queue = started(new AuditQueue(1000, store, FAST));
        IntStream.range(0, 200).forEach(i -> queue.submit(Entries.invocation("e" + i)));
        queue.stop(WAIT);

        AuditStats stats = queue.stats();
        assertEquals(200, stats.written(), stats::toString);
        assertEquals(0, stats.dropped(), stats::toString);
        assertEquals("stopped", stats.database());
    }

    @Test
    void whatCannotBeWrittenByTheShutdownDeadlineIsCountedAsDropped() {
        TestStore store = new TestStore();
        queue = started(new AuditQueue(100, store, FAST));
        await(() -> "up".equals(queue.stats().database()), "the store was not prepared");
        store.down(true);
        List.of("a", "b", "c").forEach(id -> queue.submit(Entries.invocation(id)));
        queue.stop(Duration.ofMillis(200));
        queue.submit(Entries.invocation("late"));

        AuditStats stats = queue.stats();
        assertEquals(4, stats.dropped(), stats::toString);
        assertEquals(0, stats.pending(), stats::toString);
        // The worker was interrupted in the middle of its retries: that is a stop, not a death.
        assertFalse(queue.writerDied(), "a writer ended by the shutdown deadline was reported dead");
    }

    /**
     * Submits racing a stop: an entry offered just after the shutdown drained the backlog used to stay in it, neither
     * written nor dropped. Run many times, since one run hits the window only now and then.
     */
    @Test
    void everyEntrySubmittedDuringAStopIsEitherWrittenOrCountedAsDropped() throws Exception {
        for (int round = 0; round < 3000; round++) {
            TestStore store = new TestStore();
            AuditQueue racing = new AuditQueue(1000, store, FAST);
            CountDownLatch go = new CountDownLatch(1);
            int perThread = 20;
            List<Thread> submitters = IntStream.range(0, 2).mapToObj(t -> new Thread(() -> {
                awaitLatch(go);
                IntStream.range(0, perThread).forEach(i -> racing.submit(Entries.invocation(t + "-" + i)));
            })).toList();
            submitters.forEach(Thread::start);
            go.countDown();
            racing.stop(Duration.ZERO);
            for (Thread submitter : submitters) {
                submitter.join();
            }
            AuditStats stats = racing.stats();
            String where = "round " + round + ": " + stats;
            assertEquals(2L * perThread, stats.written() + stats.dropped() + stats.pending(), where);
            assertEquals(0, stats.pending(), () -> "left in a stopped queue, " + where);
        }
    }

    @Test
    void aWriterKilledByAnErrorIsReported() {
        AuditStore broken = new AuditStore() {
            @Override
            public void prepare() {
                // ready at once
            }

            @Override
            public void write(AuditEntry entry) {
                throw new LinkageError("class loader closed");
            }

            @Override
            public boolean reachable() {
                return true;
            }
        };
        queue = started(new AuditQueue(100, broken, FAST));
        queue.submit(Entries.invocation("a"));
        await(queue::writerDied, "the writer's death went unnoticed");
        queue.stop(Duration.ofSeconds(1));
        assertTrue(queue.writerDied(), "a stop hid that the writer had died");
    }

    private static AuditQueue started(AuditQueue queue) {
        queue.start(Executors.defaultThreadFactory());
        return queue;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
