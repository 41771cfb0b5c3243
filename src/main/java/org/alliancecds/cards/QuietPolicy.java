package org.alliancecds.cards;

import org.alliancecds.rules.RuleMetadata;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Whether a card the user answered before stays quiet now. A card is the same card again when its rule and its
 * clinical state are the same as when the user answered it; any change shows it at once. A non-safety card stays
 * quiet for {@code cards.quiet-days} site days after an acceptance or an override. A safety card stays quiet only
 * for the rest of the site day on which the user said it was already addressed; any other answer, or another day,
 * shows it again ("already addressed" is our override reason: our system and our code).
 *
 * @param quietDays the {@code cards.quiet-days} threshold
 * @param zone      the site's time zone, in which "today" and "that day" are told
 */
record QuietPolicy(int quietDays, ZoneId zone) {

    static final String ALREADY_ADDRESSED = "already-addressed";

    boolean quiet(RuleMetadata rule, String state, List<PriorAnswer> answers, LocalDate today) {
        return answers.stream().anyMatch(answer -> answer.ruleId().equals(rule.id()) && state.equals(answer.state())
                && stillQuiet(rule, answer, today));
    }

    private boolean stillQuiet(RuleMetadata rule, PriorAnswer answer, LocalDate today) {
        LocalDate answered = answer.answeredAt().atZone(zone).toLocalDate();
        if (rule.safety()) {
            return "overridden".equals(answer.outcome()) && ourAlreadyAddressed(answer) && answered.equals(today);
        }
        return !answered.isAfter(today) && !answered.plusDays(quietDays).isBefore(today);
    }

    /** Our reason, by system and code: an EHR's own reason may use the same code for something else. */
    private static boolean ourAlreadyAddressed(PriorAnswer answer) {
        return CardAssembler.OVERRIDE_SYSTEM.equals(answer.overrideSystem())
                && ALREADY_ADDRESSED.equals(answer.overrideReason());
    }
}
