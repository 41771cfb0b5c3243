package org.alliancecds.release;

import org.alliancecds.hooks.Shadow.Shown;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CardDifferencesTest {

    private static final CardDifferences.Context CALL = new CardDifferences.Context(SemanticVersion.parse("2.1.0"),
            "2.0.0+abcd1234", "instance-a", Instant.parse("2026-12-06T10:00:00Z"), "patient-view", "call-1",
            "pseudonym");
    private static final String BOND = "Alliance rated low ({$low} on {$low@date}): show acceptance and empathy";

    @Test
    void theSameCardsDoNotDiffer() {
        List<Shown> cards = List.of(new Shown("ALLIANCE-LOW-NOW", "warning", BOND));
        assertEquals(List.of(), CardDifferences.between(cards, cards, CALL));
    }

    @Test
    void aCardOnlyOneGaveIsAddedOrRemoved() {
        List<ShadowDifference> differences = CardDifferences.between(
                List.of(new Shown("NOT-ON-TRACK", "warning", "Not on track")),
                List.of(new Shown("LOW-READINESS", "info", "Low readiness")), CALL);
        assertEquals(List.of(
                CALL.difference("NOT-ON-TRACK", ShadowChange.REMOVED, "Not on track", null),
                CALL.difference("LOW-READINESS", ShadowChange.ADDED, null, "Low readiness")), differences);
    }

    @Test
    void theSameRulesCardWithAnotherIndicatorAndSummaryDiffersInBoth() {
        String warmer = BOND.replace("empathy", "warmth");
        List<ShadowDifference> differences = CardDifferences.between(
                List.of(new Shown("ALLIANCE-LOW-NOW", "warning", BOND)),
                List.of(new Shown("ALLIANCE-LOW-NOW", "critical", warmer)), CALL);
        assertEquals(List.of(
                CALL.difference("ALLIANCE-LOW-NOW", ShadowChange.INDICATOR, "warning", "critical"),
                CALL.difference("ALLIANCE-LOW-NOW", ShadowChange.SUMMARY, BOND, warmer)), differences);
    }
}
