package org.alliancecds.fhir.scoring;

/**
 * Why a resource was not scored, or what was odd about it (a reported total that disagrees with its items).
 * Kept for the audit and for informaticists; never shown as a card.
 *
 * @param source  the resource ({@code QuestionnaireResponse/abc})
 * @param message what happened, in plain words
 */
public record ScoringNote(String source, String message) {
}
