package org.alliancecds.audit;

import java.time.Duration;

/**
 * How the audit queue retries a failed write.
 *
 * @param maxAttempts attempts at an entry the database refuses while it answers
 * @param firstDelay  the wait after the first failure
 * @param maxDelay    the longest wait between attempts, however long an outage lasts
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry needs at least one attempt and 0 <= first <= max delay");
        }
    }

    /** The wait after this one: twice as long, up to the cap. */
    Duration after(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
