package org.alliancecds.hooks.security;

import org.alliancecds.common.ClusterCaches;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Used token ids in JCache caches, so that every instance of a cluster sees every used {@code jti} (Payara's JCache
 * is Hazelcast's). Each id lives for the replay window from when it was added, an explicit expiry policy: JCache
 * has no per-entry lifetime, and the window is the longest any accepted token can live.
 * <p>
 * Hazelcast evicts beyond 10,000 entries per cache and member unless configured otherwise, checked per partition
 * (271 of them), and an evicted id could be replayed. So ids are spread over {@value #SHARDS} caches by their
 * (already hashed) value, and a member may add at most {@value #MAX_IDS} of them per window: 4,000 per cache, well
 * below where a partition evicts even when ids fall unevenly on partitions.
 */
final class JCacheUsedIds implements UsedIds {

    static final String CACHE_PREFIX = "alliance-cds-jwt-replay-";
    static final int SHARDS = 32;
    static final int MAX_IDS = SHARDS * 4_000;

    private final List<Cache<String, Long>> shards = new ArrayList<>();

    JCacheUsedIds(CacheManager caches, java.time.Duration window) {
        MutableConfiguration<String, Long> config = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.SECONDS, window.toSeconds())));
        for (int shard = 0; shard < SHARDS; shard++) {
            shards.add(ClusterCaches.getOrCreate(caches, CACHE_PREFIX + shard, config));
        }
    }

    @Override
    public boolean addIfAbsent(String tokenId) {
        return shard(tokenId).putIfAbsent(tokenId, System.currentTimeMillis());
    }

    @Override
    public boolean contains(String tokenId) {
        return shard(tokenId).containsKey(tokenId);
    }

    private Cache<String, Long> shard(String tokenId) {
        return shards.get(Math.floorMod(tokenId.hashCode(), SHARDS));
    }
}
