package org.alliancecds.fhir;

import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.scoring.ScoringNote;

import java.util.List;

/**
 * A patient's facts and the notes scoring made on the way (ignored forms, rejected responses, conflicts).
 *
 * @param facts what the rules see
 * @param notes what was not scored and why
 */
public record ScoredPatient(PatientFacts facts, List<ScoringNote> notes) {

    public ScoredPatient {
        notes = List.copyOf(notes);
    }
}
