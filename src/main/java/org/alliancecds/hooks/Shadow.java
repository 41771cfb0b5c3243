package org.alliancecds.hooks;

import org.alliancecds.cards.Card;

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
     * @param liveCards    the cards it answered
     * @param cardsWith    the same call's cards from another generation: the same record and prior answers, that
     *                     generation's scoring, rules and card texts
     */
    record Call(String hook, String hookInstance, String patientId, String liveVersion, List<Card> liveCards,
                Function<Generation, List<Card>> cardsWith) {

        public Call {
            liveCards = List.copyOf(liveCards);
        }
    }
}
