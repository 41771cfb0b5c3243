package org.alliancecds.quiet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The caches for tests without a container: two maps, with no expiry; {@link #forget} plays an eviction. */
class InMemoryQuietCaches implements QuietCaches {

    final Map<String, RecentAnswers> answers = new ConcurrentHashMap<>();
    final Map<String, IssuedCard> issued = new ConcurrentHashMap<>();

    @Override
    public RecentAnswers answers(String key) {
        return answers.get(key);
    }

    @Override
    public boolean addAnswersIfAbsent(String key, RecentAnswers value) {
        return answers.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean replaceAnswers(String key, RecentAnswers expected, RecentAnswers value) {
        return answers.replace(key, expected, value);
    }

    @Override
    public IssuedCard issued(String cardUuid) {
        return issued.get(cardUuid);
    }

    @Override
    public void issue(Map<String, IssuedCard> byCardUuid) {
        issued.putAll(byCardUuid);
    }

    void forget() {
        answers.clear();
        issued.clear();
    }
}
