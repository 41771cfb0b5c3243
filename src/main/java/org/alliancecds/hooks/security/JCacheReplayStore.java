package org.alliancecds.hooks.security;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The replay store in a JCache cache, so that every instance of a cluster sees every used {@code jti} (Payara's
 * JCache is Hazelcast's). JCache has no per-entry lifetime, so entries live for the whole replay window — the
 * longest any accepted token can live — which is at least each token's remaining lifetime.
 */
final class JCacheReplayStore implements ReplayStore {

    static final String CACHE = "alliance-cds-jwt-replay";

    private final Cache<String, Long> used;

    JCacheReplayStore(CacheManager caches, java.time.Duration window) {
        Cache<String, Long> existing = caches.getCache(CACHE, String.class, Long.class);
        this.used = existing != null ? existing : caches.createCache(CACHE, new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.SECONDS, window.toSeconds()))));
    }

    @Override
    public boolean firstUse(String tokenId, Instant expiresAt) {
        return used.putIfAbsent(tokenId, expiresAt.getEpochSecond());
    }
}
