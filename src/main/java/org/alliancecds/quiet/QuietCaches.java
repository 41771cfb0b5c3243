package org.alliancecds.quiet;

import java.util.Map;

/**
 * The two cluster-wide caches answered cards are kept in: the answers by (patient, user) pseudonyms, and the cards
 * issued, by uuid. Either may forget an entry at any time (expiry, eviction): the database has everything they have,
 * once the audit has written it.
 */
interface QuietCaches {

    /** The answers kept for a key, or null when none are cached. */
    RecentAnswers answers(String key);

    /** Caches answers for a key unless some are cached already; whether these were. */
    boolean addAnswersIfAbsent(String key, RecentAnswers answers);

    /** Replaces a key's answers only if they are still {@code expected}; whether they were replaced. */
    boolean replaceAnswers(String key, RecentAnswers expected, RecentAnswers answers);

    /** The card issued with this uuid, or null when it is not cached. */
    IssuedCard issued(String cardUuid);

    /** Remembers issued cards by uuid. */
    void issue(Map<String, IssuedCard> byCardUuid);
}
