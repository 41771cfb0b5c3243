package org.alliancecds.hooks.security;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The replay store with a size of its own: this instance adds at most {@code capacity} ids per replay window, the
 * time each id is kept. When that many are kept, a new id is refused (the store is full) rather than let the
 * cache evict one that a replay could then pass: fail closed. A replay is still recognised as one when full.
 * <p>
 * The count is of this instance's additions, the ones it can know without asking the cluster; the shared cache is
 * sized so that each member's share stays well below what it holds without evicting ({@link JCacheUsedIds}).
 */
final class BoundedReplayStore implements ReplayStore {

    private static final Logger LOG = Logger.getLogger(BoundedReplayStore.class.getName());

    private final UsedIds ids;
    private final Duration window;
    private final Clock clock;
    /** When each id this instance added leaves the store, oldest first: a ring of epoch milliseconds. */
    private final long[] leaving;
    private int oldest;
    private int kept;
    private boolean full;

    BoundedReplayStore(UsedIds ids, int capacity, Duration window, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay store must hold at least one id");
        }
        this.ids = ids;
        this.window = window;
        this.clock = clock;
        this.leaving = new long[capacity];
    }

    @Override
    public synchronized Use record(String tokenId) {
        long now = clock.millis();
        while (kept > 0 && leaving[oldest] <= now) {
            oldest = (oldest + 1) % leaving.length;
            kept--;
        }
        if (kept == leaving.length) {
            if (!full) {
                full = true;
                LOG.severe(() -> "the replay store is full (" + leaving.length + " token ids within "
                        + window.toSeconds() + " s): new tokens get 401 until ids expire; raise "
                        + "cds.auth.replay-store-size if this is real traffic");
            }
            return ids.contains(tokenId) ? Use.REPLAY : Use.STORE_FULL;
        }
        full = false;
        if (!ids.addIfAbsent(tokenId)) {
            return Use.REPLAY;
        }
        leaving[(oldest + kept) % leaving.length] = now + window.toMillis();
        kept++;
        return Use.FIRST;
    }
}
