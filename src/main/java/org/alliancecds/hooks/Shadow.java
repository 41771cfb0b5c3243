package org.alliancecds.hooks;

import org.alliancecds.cards.AssembledCards;
import org.alliancecds.cards.Card;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A candidate rule base that answers every live call again, off the call's path, to show what it would change
 * before it goes live. The live answer never waits for it and never depends on it.
 */
public interface Shadow {

    /** No candidate: nothing is evaluated twice. */
    Shadow NONE = new Shadow() {
        @Override
        public boolean running() {
            return false;
        }

        @Override
        public void offer(Call call) {
            // nothing runs in shadow
        }
    };

    /** Whether a candidate runs now, so that a call builds its {@link Call} only when one does. */
    boolean running();

    /** Hands a call over for the candidate; returns at once, and may drop it when the candidate falls behind. */
    void offer(Call call);

    /**
     * One live call as the candidate needs it.
     *
     * @param hook         the hook called
     * @param hookInstance the EHR's id of the call
     * @param patientId    the patient (pseudonymised before it is kept)
     * @param liveVersion  the version of the rule base that answered
     * @param live         the cards it answered, as compared
     * @param shownWith    the same call's cards from another generation: the same record and prior answers, that
     *                     generation's scoring, rules and card texts
     */
    record Call(String hook, String hookInstance, String patientId, String liveVersion, List<Shown> live,
                Function<Generation, List<Shown>> shownWith) {

        public Call {
            live = List.copyOf(live);
        }
    }

    /**
     * A card as a shadow run compares it: its rule, its indicator and its summary as the rule writes it, before the
     * patient's scores and dates are filled in, so that what is kept of a difference says no more about the patient
     * than the audit does.
     *
     * @param ruleId   the card's rule (its source topic)
     * @param indicator its indicator
     * @param summary  its rule variant's summary template, or null for a card that is no rule's own
     */
    record Shown(String ruleId, String indicator, String summary) {

        /** The cards of a call as shown, with the summary templates of the rule base that made them. */
        public static List<Shown> of(AssembledCards cards, RuleBase ruleBase) {
            List<Shown> shown = new ArrayList<>();
            for (Card card : cards.cards()) {
                String ruleId = cards.ruleByCard().getOrDefault(card.uuid(), card.source() == null
                        || card.source().topic() == null ? "" : card.source().topic().code());
                String summary = cards.variantOf(card.uuid()).flatMap(variant -> ruleBase.rule(ruleId, variant))
                        .map(RuleMetadata::summary).orElse(null);
                shown.add(new Shown(ruleId, card.indicator(), summary));
            }
            return shown;
        }
    }
}
