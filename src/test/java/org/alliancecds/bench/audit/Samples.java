package org.alliancecds.bench.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the lookups ask for, drawn evenly from the history as it is loaded (reservoir sampling): patient and user
 * pseudonym pairs with an answered card, any pairs that had a call (most have no answer: a lookup that finds
 * nothing), and card uuids.
 */
final class Samples {

    static final int SIZE = 2_000;

    record Pair(String patient, String user) {
    }

    private final SplittableRandom random = new SplittableRandom(7);
    private final List<Pair> answered = new ArrayList<>();
    private final List<Pair> pairs = new ArrayList<>();
    private final List<String> cards = new ArrayList<>();
    private long answeredSeen;
    private long pairsSeen;
    private long cardsSeen;

    void answered(String patient, String user) {
        answeredSeen = keep(answered, new Pair(patient, user), answeredSeen);
    }

    void pair(String patient, String user) {
        pairsSeen = keep(pairs, new Pair(patient, user), pairsSeen);
    }

    void card(String uuid) {
        cardsSeen = keep(cards, uuid, cardsSeen);
    }

    List<Pair> answered() {
        return answered;
    }

    List<Pair> pairs() {
        return pairs;
    }

    List<String> cards() {
        return cards;
    }

    private <T> long keep(List<T> kept, T value, long seen) {
        if (kept.size() < SIZE) {
            kept.add(value);
        } else {
            long slot = random.nextLong(seen + 1);
            if (slot < SIZE) {
                kept.set((int) slot, value);
            }
        }
        return seen + 1;
    }
}
