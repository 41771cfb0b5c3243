package org.alliancecds.quiet;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cache values survive the trip through their JSON text, nulls included, and encode the same every time. */
class QuietCodecTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:15:00.123456Z");

    @Test
    void answersRoundTripNewestFirstAndEncodeTheSameAgain() {
        RecentAnswers answers = RecentAnswers.of(List.of(
                new AnsweredCard("R1", null, "accepted", null, null, AT.minusSeconds(60)),
                new AnsweredCard("R2", "state \"quoted\"", "overridden", "https://ehr.example.org/reasons",
                        "not-applicable", AT)));

        String text = QuietCodec.answers(answers);
        RecentAnswers back = QuietCodec.answers(text);

        assertEquals(answers, back);
        assertEquals(List.of("R2", "R1"), back.cards().stream().map(AnsweredCard::ruleId).toList());
        assertEquals(text, QuietCodec.answers(back), "replace(key, old, new) compares these strings");
        assertEquals(RecentAnswers.NONE, QuietCodec.answers(QuietCodec.answers(RecentAnswers.NONE)));
    }

    /** An entry another member wrote before the reason's system was kept: read, with the system unknown. */
    @Test
    void anEntryWithoutTheReasonsSystemIsReadWithNone() {
        RecentAnswers read = QuietCodec.answers(
                "[[\"R2\",\"s\",\"overridden\",\"already-addressed\",\"2026-11-26T10:15:00.123456Z\"]]");

        assertEquals(List.of(new AnsweredCard("R2", "s", "overridden", null, "already-addressed", AT)), read.cards());
    }

    @Test
    void issuedCardsRoundTrip() {
        IssuedCard card = new IssuedCard("p".repeat(64), "u".repeat(64), "R1", null);

        assertEquals(card, QuietCodec.issued(QuietCodec.issued(card)));
    }

    @Test
    void anAnswerSentTwiceIsKeptOnceAndOneOutsideTheWindowIsDropped() {
        AnsweredCard answer = new AnsweredCard("R1", "s", "accepted", null, null, AT);
        RecentAnswers once = RecentAnswers.NONE.with(answer, AT.minusSeconds(1));

        assertEquals(List.of(answer), once.with(answer, AT.minusSeconds(1)).cards());
        assertEquals(List.of(), once.with(answer, AT.plusSeconds(1)).cards());
    }
}
