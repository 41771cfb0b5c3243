package org.alliancecds.quiet;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Database reads for answers the cache does not hold, kept off the hook call's critical path beyond a short wait:
 * the read runs on its own thread and the call waits for it at most {@code wait}; past that the call goes on with
 * no answers (every card shown, the safe failure) while the read finishes and fills the cache for the next call.
 * Calls that miss the same key share one read, and while {@code maxPending} reads hang (a slow database) no new
 * ones start.
 */
final class MissReads {

    private final Executor executor;
    private final Duration wait;
    private final int maxPending;
    private final Map<String, CompletableFuture<Optional<RecentAnswers>>> inFlight = new ConcurrentHashMap<>();

    MissReads(Executor executor, Duration wait, int maxPending) {
        this.executor = executor;
        this.wait = wait;
        this.maxPending = maxPending;
    }

    /** What {@code read} gives within the wait, else empty; {@code read} caches what it reads itself. */
    Optional<RecentAnswers> read(String key, Supplier<Optional<RecentAnswers>> read) {
        CompletableFuture<Optional<RecentAnswers>> running = inFlight.get(key);
        if (running == null) {
            if (inFlight.size() >= maxPending) {
                return Optional.empty();
            }
            running = start(key, read);
        }
        try {
            return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private CompletableFuture<Optional<RecentAnswers>> start(String key, Supplier<Optional<RecentAnswers>> read) {
        CompletableFuture<Optional<RecentAnswers>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<RecentAnswers>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            executor.execute(() -> {
                try {
                    mine.complete(read.get());
                } catch (RuntimeException e) {
                    mine.complete(Optional.empty());
                } finally {
                    inFlight.remove(key, mine);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, mine);
            mine.complete(Optional.empty());
        }
        return mine;
    }
}
