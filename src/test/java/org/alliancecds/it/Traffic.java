package org.alliancecds.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls, one after another on a thread of their own, for as long as a switch takes; every answer is kept. */
final class Traffic implements AutoCloseable {

    private static final int ENOUGH = 10;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final IntFunction<Reply> call;
    private final Thread thread = new Thread(this::run, "it-traffic");

    /** @param call the n-th call (0 first), made and answered */
    Traffic(IntFunction<Reply> call) {
        this.call = call;
        thread.start();
    }

    private void run() {
        int made = 0;
        while (running.get()) {
            try {
                replies.add(call.apply(made++));
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
            }
        }
    }

    /** Stops, checks that no call failed and that there were enough to tell, and answers the replies. */
    List<Reply> stopAndCheckNoneFailed() {
        close();
        assertTrue(failures.isEmpty(), () -> "calls failed during the switch: " + failures);
        assertTrue(replies.size() >= ENOUGH, "too few calls during the switch to tell: " + replies.size());
        return List.copyOf(replies);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
