package org.alliancecds.hooks.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The replay store for tests without a container: a map, forgetting ids once their token has expired. */
final class InMemoryReplayStore implements ReplayStore {

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryReplayStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        used.values().removeIf(expiry -> expiry.isBefore(now));
        return used.putIfAbsent(tokenId, expiresAt) == null;
    }

    int size() {
        return used.size();
    }
}
