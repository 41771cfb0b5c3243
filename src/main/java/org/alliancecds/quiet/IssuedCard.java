package org.alliancecds.quiet;

/**
 * A card as issued, kept by its uuid until its feedback arrives: whom it was shown about and to (as pseudonyms), the
 * rule and the clinical state.
 */
record IssuedCard(String patientPseudonym, String userPseudonym, String ruleId, String state) {

    /** The key of this patient's and user's answers. */
    String answersKey() {
        return RecentAnswers.key(patientPseudonym, userPseudonym);
    }
}
