package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Scores every response and observation of a patient's record; other resource types are not measurements. */
public final class PatientScorer {

    private final InstrumentCatalog catalog;
    private final ResponseScorer responses;
    private final ObservationScorer observations;

    /** @param zone the site's time zone, in which the day of every measurement is told */
    public PatientScorer(InstrumentCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.responses = new ResponseScorer(catalog, zone);
        this.observations = new ObservationScorer(catalog, zone);
    }

    /**
     * The Questionnaires the responses name that are neither ours, nor aliased, nor contained, nor among the
     * resources: fetching them may let their responses be scored by item code.
     */
    public Set<String> unknownForms(Collection<? extends Resource> resources) {
        QuestionnaireIndex present = QuestionnaireIndex.of(resources);
        Set<String> unknown = new TreeSet<>();
        for (Resource resource : resources) {
            if (resource instanceof QuestionnaireResponse response && response.hasQuestionnaire()) {
                String reference = response.getQuestionnaire();
                boolean resolvable = reference.startsWith("#") || catalog.known(reference).isPresent()
                        || present.find(reference).isPresent();
                if (!resolvable) {
                    unknown.add(reference);
                }
            }
        }
        return unknown;
    }

    public Scored score(Collection<? extends Resource> resources, String patientId) {
        QuestionnaireIndex questionnaires = QuestionnaireIndex.of(resources);
        List<Scored> parts = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource instanceof QuestionnaireResponse response) {
                parts.add(responses.score(response, patientId, questionnaires));
            } else if (resource instanceof Observation observation) {
                parts.add(observations.score(observation, patientId));
            }
        }
        return Scored.all(parts);
    }
}
