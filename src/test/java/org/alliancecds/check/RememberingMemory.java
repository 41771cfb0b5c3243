package org.alliancecds.check;

import org.alliancecds.cards.AssembledCards;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.cards.PriorAnswer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A card memory kept in this test's heap, as the service's is kept in its cluster: the cards shown, and the
 * answers a test gives them.
 */
final class RememberingMemory implements CardMemory {

    private static final String OVERRIDE_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";

    private record Shown(String patientId, String userId, String ruleId, String state) {
    }

    private final Map<String, Shown> shownByCard = new HashMap<>();
    private final Map<String, List<PriorAnswer>> answersByPatientAndUser = new HashMap<>();
    private final boolean forgetsAnswers;

    private RememberingMemory(boolean forgetsAnswers) {
        this.forgetsAnswers = forgetsAnswers;
    }

    static RememberingMemory remembering() {
        return new RememberingMemory(false);
    }

    /** A memory that is told the answers but never gives them back: wrong on purpose. */
    static RememberingMemory forgettingAnswers() {
        return new RememberingMemory(true);
    }

    @Override
    public List<PriorAnswer> answers(String patientId, String userId) {
        return forgetsAnswers ? List.of()
                : List.copyOf(answersByPatientAndUser.getOrDefault(patientId + "|" + userId, List.of()));
    }

    @Override
    public void shown(String patientId, String userId, AssembledCards cards) {
        cards.cards().forEach(card -> shownByCard.put(card.uuid(), new Shown(patientId, userId,
                cards.ruleByCard().get(card.uuid()), cards.stateByCard().get(card.uuid()))));
    }

    /** The user's answer to a card shown before, with one of the cards' own override reasons or none. */
    void answer(String cardUuid, String outcome, String reason, Instant at) {
        Shown shown = shownByCard.get(cardUuid);
        answersByPatientAndUser.computeIfAbsent(shown.patientId() + "|" + shown.userId(), key -> new ArrayList<>())
                .add(new PriorAnswer(shown.ruleId(), shown.state(), outcome, reason == null ? null : OVERRIDE_SYSTEM,
                        reason, at));
    }
}
