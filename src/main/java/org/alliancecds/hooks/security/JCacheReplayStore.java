package org.alliancecds.hooks.security;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The replay store in JCache caches, so that every instance of a cluster sees every used {@code jti} (Payara's
 * JCache is Hazelcast's). JCache has no per-entry lifetime, so entries live for the whole replay window — the
 * longest any accepted token can live — which is at least each token's remaining lifetime.
 * <p>
 * Hazelcast evicts beyond 10,000 entries per cache unless configured otherwise, and an evicted id could be
 * replayed; so ids are spread over {@value #SHARDS} caches by their (already hashed) value, which with defaults
 * holds some 160,000 ids: about 380 tokens a second over a 7-minute window.
 */
final class JCacheReplayStore implements ReplayStore {

    static final String CACHE_PREFIX = "alliance-cds-jwt-replay-";
    static final int SHARDS = 16;

    private final List<Cache<String, Long>> shards = new ArrayList<>();

    JCacheReplayStore(CacheManager caches, java.time.Duration window) {
        MutableConfiguration<String, Long> config = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.SECONDS, window.toSeconds())));
        for (int shard = 0; shard < SHARDS; shard++) {
            shards.add(cache(caches, CACHE_PREFIX + shard, config));
        }
    }

    @Override
    public boolean firstUse(String tokenId, Instant expiresAt) {
        return shards.get(Math.floorMod(tokenId.hashCode(), SHARDS)).putIfAbsent(tokenId, expiresAt.getEpochSecond());
    }

    /** The cache another cluster member made already, or a new one (another member may be making it right now). */
    private static Cache<String, Long> cache(CacheManager caches, String name,
                                             MutableConfiguration<String, Long> config) {
        Cache<String, Long> existing = caches.getCache(name, String.class, Long.class);
        if (existing != null) {
            return existing;
        }
        try {
            return caches.createCache(name, config);
        } catch (CacheException raced) {
            return caches.getCache(name, String.class, Long.class);
        }
    }
}
