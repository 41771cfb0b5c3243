package org.alliancecds.cards;

import org.alliancecds.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When an answered card stays quiet, in the site's days. */
class QuietPolicyTest {

    private static final ZoneId SITE = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final QuietPolicy POLICY = new QuietPolicy(30, SITE);
    private static final RuleMetadata LOW_NOW = rule("ALLIANCE-LOW-NOW", false);
    private static final RuleMetadata SUICIDE = rule("SUICIDE-RISK-ITEM", true);
    private static final String STATE = "ALLIANCE-LOW-NOW|info|bond|srs.item.low";

    private static RuleMetadata rule(String id, boolean safety) {
        return new RuleMetadata(id, id, "2.0.0", "info", "s", "a", List.of(), id + ".drl", null, null, "", 1, safety,
                null);
    }

    private static Instant siteTime(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SITE).toInstant();
    }

    /** An answer with one of the cards' own override reasons, or none. */
    private static PriorAnswer answer(String rule, String state, String outcome, String reason, Instant at) {
        return new PriorAnswer(rule, state, outcome, reason == null ? null : CardAssembler.OVERRIDE_SYSTEM, reason,
                at);
    }

    @Test
    void aCardAnsweredWithinTheQuietDaysStaysQuietForTheSameState() {
        assertTrue(POLICY.quiet(LOW_NOW, STATE, List.of(answer("ALLIANCE-LOW-NOW", STATE, "accepted", null,
                siteTime(TODAY.minusDays(30), 9))), TODAY));
        assertFalse(POLICY.quiet(LOW_NOW, STATE, List.of(answer("ALLIANCE-LOW-NOW", STATE, "accepted", null,
                siteTime(TODAY.minusDays(31), 9))), TODAY), "past cards.quiet-days");
    }

    @Test
    void anotherStateOrRuleShowsTheCard() {
        List<PriorAnswer> answers = List.of(answer("ALLIANCE-LOW-NOW", STATE, "overridden", "not-applicable",
                siteTime(TODAY, 9)));
        assertTrue(POLICY.quiet(LOW_NOW, STATE, answers, TODAY));
        assertFalse(POLICY.quiet(LOW_NOW, "ALLIANCE-LOW-NOW|info|goals|srs.item.low", answers, TODAY));
        assertFalse(POLICY.quiet(rule("ANXIETY-PERCEPTION", false), STATE, answers, TODAY));
    }

    @Test
    void aSafetyCardIsQuietOnlyForTheRestOfTheSiteDayAndOnlyWhenAlreadyAddressed() {
        String state = "SUICIDE-RISK-ITEM|critical||phq9.item9.positive";
        assertTrue(POLICY.quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM", state, "overridden",
                "already-addressed", siteTime(TODAY, 0))), TODAY));
        assertFalse(POLICY.quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM", state, "overridden",
                "already-addressed", siteTime(TODAY.minusDays(1), 23))), TODAY), "the next site day");
        assertFalse(POLICY.quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM", state, "overridden",
                "not-applicable", siteTime(TODAY, 9))), TODAY), "another reason");
        assertFalse(POLICY.quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM", state, "accepted", null,
                siteTime(TODAY, 9))), TODAY), "accepted");
    }

    @Test
    void anEhrsOwnReasonWithOurCodeIsAnotherReason() {
        String state = "SUICIDE-RISK-ITEM|critical||phq9.item9.positive";
        for (String system : Arrays.asList("https://ehr.example.org/override-reasons", null)) {
            assertFalse(POLICY.quiet(SUICIDE, state, List.of(new PriorAnswer("SUICIDE-RISK-ITEM", state, "overridden",
                    system, "already-addressed", siteTime(TODAY, 9))), TODAY), "system " + system);
        }
    }

    @Test
    void theDayIsTheSitesDay() {
        String state = "SUICIDE-RISK-ITEM|critical||phq9.item9.positive";
        Instant lateEveningUtcIsTomorrowInBerlin = Instant.parse("2026-12-05T23:30:00Z");
        assertTrue(POLICY.quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM", state, "overridden",
                "already-addressed", lateEveningUtcIsTomorrowInBerlin)), TODAY));
        assertFalse(new QuietPolicy(30, ZoneId.of("UTC")).quiet(SUICIDE, state, List.of(answer("SUICIDE-RISK-ITEM",
                state, "overridden", "already-addressed", lateEveningUtcIsTomorrowInBerlin)), TODAY));
    }
}
