package org.alliancecds.quiet;

import org.alliancecds.common.ClusterCaches;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The caches in JCache, Payara's being Hazelcast's, so that every instance of a cluster shares them and they outlive
 * the restart of any one instance. Values are JSON strings ({@link QuietCodec}).
 * <p>
 * Expiry counts from when an entry was made; updating it does not extend it. An answers entry lives
 * {@value #ANSWERS_HOURS} h: then it is read again from the database, which bounds how long an answer that this
 * cache missed (feedback on a card neither cache nor database knew yet) stays unseen. An issued card lives
 * {@value #ISSUED_HOURS} h, enough for the feedback of a card shown in a session; later feedback finds the card in the
 * database. Eviction (Hazelcast keeps 10,000 entries per cache unless configured otherwise) is safe for the same
 * reasons: an evicted entry is read again from the database.
 */
final class JCacheQuietCaches implements QuietCaches {

    static final String ANSWERS = "alliance-cds-answered-cards";
    static final String ISSUED = "alliance-cds-issued-cards";
    static final int ANSWERS_HOURS = 1;
    static final int ISSUED_HOURS = 24;

    private final Cache<String, String> answers;
    private final Cache<String, String> issued;

    JCacheQuietCaches(CacheManager caches) {
        this.answers = cache(caches, ANSWERS, ANSWERS_HOURS);
        this.issued = cache(caches, ISSUED, ISSUED_HOURS);
    }

    @Override
    public RecentAnswers answers(String key) {
        String text = answers.get(key);
        return text == null ? null : QuietCodec.answers(text);
    }

    @Override
    public boolean addAnswersIfAbsent(String key, RecentAnswers value) {
        return answers.putIfAbsent(key, QuietCodec.answers(value));
    }

    @Override
    public boolean replaceAnswers(String key, RecentAnswers expected, RecentAnswers value) {
        return answers.replace(key, QuietCodec.answers(expected), QuietCodec.answers(value));
    }

    @Override
    public IssuedCard issued(String cardUuid) {
        String text = issued.get(cardUuid);
        return text == null ? null : QuietCodec.issued(text);
    }

    @Override
    public void issue(Map<String, IssuedCard> byCardUuid) {
        Map<String, String> texts = new LinkedHashMap<>();
        byCardUuid.forEach((uuid, card) -> texts.put(uuid, QuietCodec.issued(card)));
        issued.putAll(texts);
    }

    /** The shared cache of that name, its entries living {@code hours} from when they were made. */
    private static Cache<String, String> cache(CacheManager caches, String name, int hours) {
        return ClusterCaches.getOrCreate(caches, name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.HOURS, hours))));
    }
}
