package org.alliancecds.fhir;

import org.alliancecds.fhir.scoring.TestProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prefetch contract asks for no more than the rules read, in pages (issue #12, item 14). */
class PrefetchQueriesTest {

    private final List<PrefetchQuery> queries = PrefetchQueries.of(TestProfiles.catalog());

    @Test
    void onlyTheKeysTheRulesReadAreAskedFor() {
        assertEquals(List.of("responses", "observations", "episodes"),
                queries.stream().map(PrefetchQuery::key).toList());
    }

    @Test
    void everySearchIsPagedAndTheNewestComeFirst() {
        queries.forEach(query -> assertTrue(query.template().endsWith("&_count=" + PrefetchQueries.PAGE_SIZE),
                query::template));
        assertTrue(queries.get(0).fill(Map.of("patientId", "Patient/7"))
                .startsWith("QuestionnaireResponse?patient=7&_sort=-authored"));
        assertTrue(queries.get(1).template().contains("&_sort=-date"), queries.get(1)::template);
        assertEquals(List.of("QuestionnaireResponse", "Observation", "EpisodeOfCare"),
                queries.stream().map(PrefetchQuery::resourceType).toList());
    }
}
