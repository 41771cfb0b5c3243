/**
 * Turns findings into CDS Hooks cards a clinician can act on: a short summary with the scores, a markdown detail
 * with why it fired, what to do and the evidence, the source with the rule as its topic, and override reasons.
 * <p>
 * In: an {@code Evaluation} (findings + the rule base that produced them). Out: cards, most urgent first, one per
 * rule. Out of scope: deciding what fires ({@code rules}) and HTTP ({@code hooks}).
 */
package org.alliancecds.cards;
