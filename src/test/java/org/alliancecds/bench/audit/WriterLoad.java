package org.alliancecds.bench.audit;

import org.alliancecds.audit.AuditStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hook calls handed to several writer stacks at once, each by its own producer thread: as fast as the stack writes
 * (its backlog kept under half the queue's capacity), or at a fixed rate of calls a second shared among the stacks.
 * A monitor samples the backlogs every 100 ms; {@link #mark()} and {@link #since} give rows written per second and
 * the largest backlog over a stretch of the run.
 */
final class WriterLoad implements AutoCloseable {

    /** Where a stretch of the run began. */
    record Mark(long nanos, long rows, long calls) {
    }

    /** What the writers did over a stretch. */
    record Stretch(double seconds, double rowsPerSecond, double callsPerSecond, long maxBacklog, long failed,
                   long dropped) {
    }

    private final List<WriterStack> stacks;
    private final List<Thread> producers = new ArrayList<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong maxBacklog = new AtomicLong();
    private final Thread monitor;
    private volatile boolean running = true;

    /** @param callsPerSecond the rate over all stacks; 0 for as fast as they write */
    WriterLoad(List<WriterStack> stacks, double callsPerSecond, long seed) {
        this.stacks = stacks;
        for (int i = 0; i < stacks.size(); i++) {
            WriterStack stack = stacks.get(i);
            HookCallMix mix = new HookCallMix(seed + i);
            Thread producer = new Thread(callsPerSecond > 0
                    ? () -> atRate(stack, mix, callsPerSecond / stacks.size())
                    : () -> asFastAsWritten(stack, mix), "producer-" + i);
            producers.add(producer);
        }
        monitor = new Thread(this::watch, "backlog-monitor");
        monitor.setDaemon(true);
        monitor.start();
        producers.forEach(Thread::start);
    }

    Mark mark() {
        maxBacklog.set(backlog());
        return new Mark(System.nanoTime(), rows(), calls.get());
    }

    Stretch since(Mark mark) {
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        long failed = stacks.stream().map(WriterStack::stats).mapToLong(AuditStats::failed).sum();
        long dropped = stacks.stream().map(WriterStack::stats).mapToLong(AuditStats::dropped).sum();
        return new Stretch(seconds, (rows() - mark.rows()) / seconds, (calls.get() - mark.calls()) / seconds,
                maxBacklog.get(), failed, dropped);
    }

    /** Stops the producers and waits until every backlog is written; answers how long that took, in seconds. */
    double stopAndDrain() throws InterruptedException {
        running = false;
        for (Thread producer : producers) {
            producer.join();
        }
        long start = System.nanoTime();
        while (backlog() > 0) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        stopAndDrain();
    }

    private void asFastAsWritten(WriterStack stack, HookCallMix mix) {
        while (running) {
            if (stack.stats().pending() < WriterStack.QUEUE_CAPACITY / 2) {
                stack.submit(mix.next(Instant.now(), HistoryLoader.RULE_BASE_NOW));
                calls.incrementAndGet();
            } else {
                LockSupport.parkNanos(500_000);
            }
        }
    }

    private void atRate(WriterStack stack, HookCallMix mix, double perSecond) {
        long start = System.nanoTime();
        long sent = 0;
        while (running) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
            for (; sent < due; sent++) {
                stack.submit(mix.next(Instant.now(), HistoryLoader.RULE_BASE_NOW));
                calls.incrementAndGet();
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    private void watch() {
        while (running || backlog() > 0) {
            maxBacklog.accumulateAndGet(backlog(), Math::max);
            LockSupport.parkNanos(100_000_000);
        }
    }

    private long backlog() {
        return stacks.stream().map(WriterStack::stats).mapToLong(AuditStats::pending).sum();
    }

    private long rows() {
        return stacks.stream().mapToLong(WriterStack::rowsWritten).sum();
    }
}
