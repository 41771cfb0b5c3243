package org.alliancecds.hooks.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Used ids for tests without a container, kept as the shared cache keeps them: each for the replay window from when
 * it was added, and, like a cache with a size limit, evicting the oldest beyond {@code evictsBeyond} ids.
 */
final class InMemoryUsedIds implements UsedIds {

    private final Map<String, Instant> added = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration window;
    private final int evictsBeyond;

    InMemoryUsedIds(Clock clock, Duration window, int evictsBeyond) {
        this.clock = clock;
        this.window = window;
        this.evictsBeyond = evictsBeyond;
    }

    /** Used ids behind the store of the given capacity, in a cache that holds that many without evicting. */
    static BoundedReplayStore bounded(Clock clock, Duration window, int capacity) {
        return new BoundedReplayStore(new InMemoryUsedIds(clock, window, capacity), capacity, window, clock);
    }

    @Override
    public synchronized boolean addIfAbsent(String tokenId) {
        forgetExpired();
        if (added.containsKey(tokenId)) {
            return false;
        }
        added.put(tokenId, clock.instant());
        if (added.size() > evictsBeyond) {
            added.remove(added.keySet().iterator().next());
        }
        return true;
    }

    @Override
    public synchronized boolean contains(String tokenId) {
        forgetExpired();
        return added.containsKey(tokenId);
    }

    synchronized int size() {
        forgetExpired();
        return added.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        added.values().removeIf(when -> !when.plus(window).isAfter(now));
    }
}
