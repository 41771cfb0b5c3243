package org.alliancecds.audit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in database for the queue: it can be down, slow (blocked on a latch, for a minute at most), or refuse chosen entries. */
final class TestStore implements AuditStore {

    final List<AuditEntry> written = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger prepareFailuresLeft = new AtomicInteger();
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile boolean blocked;
    private volatile boolean down;
    private volatile Set<String> refused = Set.of();

    TestStore down(boolean isDown) {
        this.down = isDown;
        return this;
    }

    TestStore blocked() {
        this.blocked = true;
        return this;
    }

    void unblock() {
        open.countDown();
    }

    TestStore refusing(String... ids) {
        this.refused = Set.of(ids);
        return this;
    }

    @Override
    public void prepare() {
        if (down || prepareFailuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("connection refused");
        }
    }

    @Override
    public void write(AuditEntry entry) {
        attempts.incrementAndGet();
        if (blocked) {
            try {
                open.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        if (refused.contains(entry.id())) {
            throw new IllegalArgumentException("value too long for column");
        }
        written.add(entry);
    }

    @Override
    public boolean reachable() {
        return !down;
    }
}
