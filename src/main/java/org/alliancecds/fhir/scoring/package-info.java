/**
 * Instrument scoring driven by the definitions in {@code fhir-profiles/}: which Questionnaire is which
 * instrument, which item is which, how answers weigh, and how scales add up.
 * <p>
 * In: HAPI R4 {@code QuestionnaireResponse} and {@code Observation} resources. Out: {@code facts} scores, plus
 * notes on what was ignored or could not be scored and why. Adding an instrument means adding files under
 * {@code fhir-profiles/}; nothing here names an instrument.
 */
package org.alliancecds.fhir.scoring;
