package org.alliancecds.fhir;

import org.alliancecds.fhir.scoring.InstrumentCatalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The prefetch contract of our services: the Patient, the patient's QuestionnaireResponses newest first, and the
 * patient's Observations with the codes the instruments read (taken from fhir-profiles, so a new instrument's
 * codes are asked for without code changes).
 */
public final class PrefetchQueries {

    public static final String PATIENT = "patient";
    public static final String RESPONSES = "responses";
    public static final String OBSERVATIONS = "observations";

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
                new PrefetchQuery(PATIENT, "Patient/{{context.patientId}}", false),
                new PrefetchQuery(RESPONSES,
                        "QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored", true),
                new PrefetchQuery(OBSERVATIONS, "Observation?patient={{context.patientId}}&code=" + codes, true));
    }
}
