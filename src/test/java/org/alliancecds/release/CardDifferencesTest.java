package org.alliancecds.release;

import org.alliancecds.cards.Card;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CardDifferencesTest {

    private static final CardDifferences.Context CALL = new CardDifferences.Context(SemanticVersion.parse("2.1.0"),
            "2.0.0+abcd1234", "instance-a", Instant.parse("2026-12-06T10:00:00Z"), "patient-view", "call-1",
            "pseudonym");

    @Test
    void theSameCardsDoNotDiffer() {
        List<Card> cards = List.of(card("ALLIANCE-LOW-NOW", "warning", "Alliance rated low"));
        assertEquals(List.of(), CardDifferences.between(cards, cards, CALL));
    }

    @Test
    void aCardOnlyOneGaveIsAddedOrRemoved() {
        List<ShadowDifference> differences = CardDifferences.between(
                List.of(card("NOT-ON-TRACK", "warning", "Not on track")),
                List.of(card("LOW-READINESS", "info", "Low readiness")), CALL);
        assertEquals(List.of(
                CALL.difference("NOT-ON-TRACK", ShadowChange.REMOVED, "Not on track", null),
                CALL.difference("LOW-READINESS", ShadowChange.ADDED, null, "Low readiness")), differences);
    }

    @Test
    void theSameRulesCardWithAnotherIndicatorAndSummaryDiffersInBoth() {
        List<ShadowDifference> differences = CardDifferences.between(
                List.of(card("ALLIANCE-LOW-NOW", "warning", "show acceptance and empathy")),
                List.of(card("ALLIANCE-LOW-NOW", "critical", "show acceptance and warmth")), CALL);
        assertEquals(List.of(
                CALL.difference("ALLIANCE-LOW-NOW", ShadowChange.INDICATOR, "warning", "critical"),
                CALL.difference("ALLIANCE-LOW-NOW", ShadowChange.SUMMARY, "show acceptance and empathy",
                        "show acceptance and warmth")), differences);
    }

    @Test
    void detailIsNotCompared() {
        Card live = card("ALLIANCE-LOW-NOW", "warning", "Alliance rated low");
        Card candidate = new Card("other-uuid", live.summary(), live.indicator(), "another detail", live.source(),
                List.of(), null, List.of(), List.of(), null);
        assertEquals(List.of(), CardDifferences.between(List.of(live), List.of(candidate), CALL));
    }

    private static Card card(String rule, String indicator, String summary) {
        return new Card("uuid-" + rule, summary, indicator, "detail", new Card.Source("alliance-cds", null,
                new Card.Coding("https://alliance-cds.org/fhir/CodeSystem/alliance-rules", rule, rule)), List.of(),
                null, List.of(), List.of(), null);
    }
}
