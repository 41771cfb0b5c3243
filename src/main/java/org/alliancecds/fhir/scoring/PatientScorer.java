package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

import java.util.Collection;

/** Scores every response and observation of a patient's record; other resource types are not measurements. */
public final class PatientScorer {

    private final ResponseScorer responses;
    private final ObservationScorer observations;

    public PatientScorer(InstrumentCatalog catalog) {
        this.responses = new ResponseScorer(catalog);
        this.observations = new ObservationScorer(catalog);
    }

    public Scored score(Collection<? extends Resource> resources, String patientId) {
        QuestionnaireIndex questionnaires = QuestionnaireIndex.of(resources);
        Scored all = Scored.NOTHING;
        for (Resource resource : resources) {
            if (resource instanceof QuestionnaireResponse response) {
                all = all.plus(responses.score(response, patientId, questionnaires));
            } else if (resource instanceof Observation observation) {
                all = all.plus(observations.score(observation, patientId));
            }
        }
        return all;
    }
}
