package org.alliancecds.audit;

import java.time.Instant;
import java.util.List;

/**
 * What clinicians did with the cards, per rule, as the audit has it. Every feedback item the window holds is in
 * exactly one count: {@code accepted} or {@code overridden} of a rule (a card's latest answer), {@code superseded}
 * (an earlier answer to a card that was answered again), or {@code unmatched} (an answer to a card the audit does
 * not know).
 *
 * @param since            the start of the window: cards shown, and unmatched feedback received, from then on
 * @param rules            the rules that made cards in the window, by id
 * @param ruleBaseVersions the rule-base versions that answered calls in the window, oldest first
 * @param superseded       answers to a card that a later answer to the same card replaced
 * @param unmatched        answers to cards the audit does not know, which belong to no rule
 */
public record FeedbackStatistics(Instant since, List<RuleFeedback> rules, List<RuleBaseVersion> ruleBaseVersions,
                                 long superseded, long unmatched) {

    public FeedbackStatistics {
        rules = List.copyOf(rules);
        ruleBaseVersions = List.copyOf(ruleBaseVersions);
    }

    /**
     * One rule's cards and the answers to them.
     *
     * @param ruleId     the rule
     * @param cardsShown cards it made
     * @param accepted   cards whose latest answer is {@code accepted}
     * @param overridden cards whose latest answer is {@code overridden}
     * @param reasons    the override reasons of those, most frequent first; a null code is an override without one
     * @param versions   the rule's own versions its cards carried, with their card counts
     */
    public record RuleFeedback(String ruleId, long cardsShown, long accepted, long overridden,
                               List<ReasonCount> reasons, List<Count> versions) {

        public RuleFeedback {
            reasons = List.copyOf(reasons);
            versions = List.copyOf(versions);
        }
    }

    /** A value (a rule version; null when absent) and how often it was seen. */
    public record Count(String value, long count) {
    }

    /**
     * An override reason, by its system and code (either null when not given), and how often it was given: the same
     * code under another system is another reason.
     */
    public record ReasonCount(String system, String code, long count) {
    }

    /**
     * A rule-base version that answered calls.
     *
     * @param version the rule-base version, as printed on cards
     * @param calls   calls it answered with 200
     * @param first   the first of them
     * @param last    the last of them
     */
    public record RuleBaseVersion(String version, long calls, Instant first, Instant last) {
    }
}
