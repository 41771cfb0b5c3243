package org.alliancecds.fhir;

import org.alliancecds.fhir.scoring.InstrumentCatalog;

import org.alliancecds.fhir.PrefetchQuery.Need;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The prefetch contract of our services, no more than the rules read (minimum necessary): the patient's
 * QuestionnaireResponses newest first, the patient's Observations with the codes the instruments read (taken from
 * fhir-profiles, so a new instrument's codes are asked for without code changes) newest first, and the patient's
 * EpisodeOfCare resources, which define treatment episodes where a site records them. Searches ask for pages of
 * {@value #PAGE_SIZE}; an EHR that prefetches only the first page sends the newest {@value #PAGE_SIZE}, and a fetch
 * follows further pages up to {@code cds.fhir.max-pages} within the call's budget.
 */
public final class PrefetchQueries {

    public static final String RESPONSES = "responses";
    public static final String OBSERVATIONS = "observations";
    public static final String EPISODES = "episodes";
    /** Resources per page of a search: enough for every rule's look-back in one page for most patients. */
    public static final int PAGE_SIZE = 100;

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
                new PrefetchQuery(RESPONSES, "QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored"
                        + "&_count=" + PAGE_SIZE, Need.REQUIRED),
                new PrefetchQuery(OBSERVATIONS, "Observation?patient={{context.patientId}}&code=" + codes
                        + "&_sort=-date&_count=" + PAGE_SIZE, Need.REQUIRED),
                new PrefetchQuery(EPISODES, "EpisodeOfCare?patient={{context.patientId}}&_count=" + PAGE_SIZE,
                        Need.OPTIONAL));
    }
}
