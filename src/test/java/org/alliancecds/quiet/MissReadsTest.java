package org.alliancecds.quiet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A slow database never holds a hook call longer than the wait, and a slow read still fills the cache. */
class MissReadsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aHangingReadIsGivenUpAfterTheWaitAndSharedByCallsForTheSameKey() throws InterruptedException {
        MissReads misses = new MissReads(threads, Duration.ofMillis(50), 4);
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        java.util.function.Supplier<Optional<RecentAnswers>> hanging = () -> {
            reads.incrementAndGet();
            await(release);
            finished.countDown();
            return Optional.of(RecentAnswers.NONE);
        };
        long started = System.nanoTime();
        assertEquals(Optional.empty(), misses.read("k", hanging));
        assertEquals(Optional.empty(), misses.read("k", hanging));
        // The read hangs until released below, so both calls returning at all proves they did not wait for it; the
        // bound is only there to fail rather than hang, generous for a loaded 2-core machine.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0);
        assertEquals(1, reads.get(), "both calls wait on one read");
        release.countDown();
        assertTrue(finished.await(5, TimeUnit.SECONDS));
    }

    @Test
    void whileReadsHangNoNewOnesStart() {
        MissReads misses = new MissReads(threads, Duration.ofMillis(20), 2);
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch bothStarted = new CountDownLatch(2);
        java.util.function.Supplier<Optional<RecentAnswers>> hanging = () -> {
            reads.incrementAndGet();
            bothStarted.countDown();
            await(release);
            return Optional.empty();
        };
        misses.read("a", hanging);
        misses.read("b", hanging);
        await(bothStarted);
        assertEquals(Optional.empty(), misses.read("c", hanging));
        assertEquals(2, reads.get(), "a third read while two hang is not started");
    }

    @Test
    void aQuickReadIsAnswered() {
        MissReads misses = new MissReads(threads, Duration.ofSeconds(5), 4);
        assertEquals(Optional.of(RecentAnswers.NONE), misses.read("k", () -> Optional.of(RecentAnswers.NONE)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
