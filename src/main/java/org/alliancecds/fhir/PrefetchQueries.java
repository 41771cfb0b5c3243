package org.alliancecds.fhir;

import org.alliancecds.fhir.scoring.InstrumentCatalog;

import org.alliancecds.fhir.PrefetchQuery.Need;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The prefetch contract of our services: the Patient, the patient's QuestionnaireResponses newest first, the
 * patient's Observations with the codes the instruments read (taken from fhir-profiles, so a new instrument's
 * codes are asked for without code changes), and the patient's EpisodeOfCare resources, which define treatment
 * episodes where a site records them.
 */
public final class PrefetchQueries {

    public static final String PATIENT = "patient";
    public static final String RESPONSES = "responses";
    public static final String OBSERVATIONS = "observations";
    public static final String EPISODES = "episodes";

    private PrefetchQueries() {
    }

    public static List<PrefetchQuery> of(InstrumentCatalog catalog) {
        String codes = catalog.definitions().stream()
                .flatMap(definition -> definition.scales().stream())
                .flatMap(scale -> scale.reportedCodes().stream())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
        return List.of(
                new PrefetchQuery(PATIENT, "Patient/{{context.patientId}}", Need.UNREAD),
                new PrefetchQuery(RESPONSES,
                        "QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored", Need.REQUIRED),
                new PrefetchQuery(OBSERVATIONS, "Observation?patient={{context.patientId}}&code=" + codes,
                        Need.REQUIRED),
                new PrefetchQuery(EPISODES, "EpisodeOfCare?patient={{context.patientId}}", Need.OPTIONAL));
    }
}
