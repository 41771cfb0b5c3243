package org.alliancecds.common;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

/** The caches the instances of a cluster share (JCache; Hazelcast's on Payara). */
public final class ClusterCaches {

    private ClusterCaches() {
    }

    /**
     * The cache another member made already, or a new one with {@code config}. Another member may be making it at
     * this moment: the loser of that race takes the winner's.
     */
    public static <K, V> Cache<K, V> getOrCreate(CacheManager caches, String name,
                                                 MutableConfiguration<K, V> config) {
        Cache<K, V> existing = caches.getCache(name, config.getKeyType(), config.getValueType());
        if (existing != null) {
            return existing;
        }
        try {
            return caches.createCache(name, config);
        } catch (CacheException raced) {
            return caches.getCache(name, config.getKeyType(), config.getValueType());
        }
    }
}
