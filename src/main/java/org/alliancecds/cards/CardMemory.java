package org.alliancecds.cards;

import java.util.List;

/**
 * What the service remembers of the cards it showed and how users answered them, so that an answered card stays
 * quiet ({@link QuietPolicy}). The service's is cluster-wide and survives restarts; tools and tests use
 * {@link #NONE}.
 */
public interface CardMemory {

    /** Remembers nothing: every card is shown. */
    CardMemory NONE = new CardMemory() {
        @Override
        public List<PriorAnswer> answers(String patientId, String userId) {
            return List.of();
        }

        @Override
        public void shown(String patientId, String userId, AssembledCards cards) {
            // nothing to remember
        }
    };

    /** The user's earlier answers to this patient's cards; empty when unknown. Must be fast: it is on every call. */
    List<PriorAnswer> answers(String patientId, String userId);

    /** The cards just shown to the user, so that feedback on them can be told apart by clinical state. */
    void shown(String patientId, String userId, AssembledCards cards);
}
