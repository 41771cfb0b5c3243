package org.alliancecds.fhir;

import java.io.IOException;
import java.time.Duration;

/**
 * What one hook call may spend on its EHR's FHIR server, across every query, page, redirect and Questionnaire:
 * a deadline and a number of bytes. Without it, a slow or endless server could hold a request thread for minutes.
 * One call runs on one thread, so nothing here is shared between threads.
 */
final class FetchBudget {

    private final Duration time;
    private final long deadlineNanos;
    private final long bytes;
    private long bytesLeft;

    FetchBudget(Duration time, long bytes) {
        this.time = time;
        this.deadlineNanos = System.nanoTime() + time.toNanos();
        this.bytes = bytes;
        this.bytesLeft = bytes;
    }

    /** The milliseconds left, at least 1; past the deadline, an exception. */
    int millisLeft() throws ExhaustedException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new ExhaustedException("the fetch budget of " + time.toMillis() + " ms ran out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** A timeout (0 = none) capped by the time left. */
    int capped(int timeoutMs) throws ExhaustedException {
        int left = millisLeft();
        return timeoutMs <= 0 ? left : Math.min(timeoutMs, left);
    }

    /** Counts bytes read; past the budget, an exception. */
    void spend(long read) throws ExhaustedException {
        bytesLeft -= read;
        if (bytesLeft < 0) {
            throw new ExhaustedException("the fetch budget of " + bytes + " bytes ran out");
        }
    }

    /** The call's budget is spent; the fetch stops at once. */
    static final class ExhaustedException extends IOException {
        ExhaustedException(String message) {
            super(message);
        }
    }
}
