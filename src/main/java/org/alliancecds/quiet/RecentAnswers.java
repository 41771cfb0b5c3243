package org.alliancecds.quiet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One clinician's answers about one patient, newest first, as a cache entry keeps them. An answer sent twice (the
 * same card, outcome and time) is kept once; a card answered twice keeps both answers, the later first.
 */
record RecentAnswers(List<AnsweredCard> cards) {

    private static final Comparator<AnsweredCard> NEWEST_FIRST =
            Comparator.comparing(AnsweredCard::answeredAt).reversed();

    static final RecentAnswers NONE = new RecentAnswers(List.of());

    RecentAnswers {
        cards = cards.stream().distinct().sorted(NEWEST_FIRST).toList();
    }

    /** The cache key of a patient's and user's answers: their two pseudonyms. */
    static String key(String patientPseudonym, String userPseudonym) {
        return patientPseudonym + "/" + userPseudonym;
    }

    static RecentAnswers of(Collection<AnsweredCard> cards) {
        return new RecentAnswers(List.copyOf(cards));
    }

    /** These answers and one more, without those answered before {@code since}. */
    RecentAnswers with(AnsweredCard answer, Instant since) {
        List<AnsweredCard> more = new ArrayList<>(since(since));
        if (!answer.answeredAt().isBefore(since)) {
            more.add(answer);
        }
        return of(more);
    }

    /** The answers given at or after {@code since}, newest first. */
    List<AnsweredCard> since(Instant since) {
        return cards.stream().filter(card -> !card.answeredAt().isBefore(since)).toList();
    }
}
