package org.alliancecds.cards;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cards of one call, with what the audit and the feedback store keep of them.
 *
 * @param cards         the cards, in the order the EHR gets them
 * @param ruleByCard    each card's rule id, by card uuid
 * @param stateByCard   each card's clinical state, by card uuid
 * @param quietedRules  the rules that fired but stayed quiet for this user after an earlier answer
 */
public record AssembledCards(List<Card> cards, Map<String, String> ruleByCard, Map<String, String> stateByCard,
                             List<String> quietedRules) {

    public AssembledCards {
        cards = List.copyOf(cards);
        ruleByCard = Map.copyOf(ruleByCard);
        stateByCard = Map.copyOf(stateByCard);
        quietedRules = List.copyOf(quietedRules);
    }

    /** The variant of its finding a card shows ("" for a finding's only rule), when the card is a rule's own. */
    public Optional<String> variantOf(String cardUuid) {
        return Optional.ofNullable(stateByCard.get(cardUuid)).map(ClinicalState::variantOf);
    }
}
