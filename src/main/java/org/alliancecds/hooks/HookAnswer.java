package org.alliancecds.hooks;

import org.alliancecds.cards.Card;
import org.alliancecds.fhir.ScoredPatient;
import org.alliancecds.rules.Evaluation;

import java.util.List;

/**
 * One answered hook call with what produced it.
 *
 * @param patient    the patient's facts as scored, with the notes on what was not scored
 * @param evaluation the rules' findings and the rule base that made them
 * @param cards      the cards the EHR gets
 */
public record HookAnswer(ScoredPatient patient, Evaluation evaluation, List<Card> cards) {

    public HookAnswer {
        cards = List.copyOf(cards);
    }
}
