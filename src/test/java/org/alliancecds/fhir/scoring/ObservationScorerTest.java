package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationScorerTest {

    private final ObservationScorer scorer = new ObservationScorer(TestProfiles.catalog(), ZoneOffset.UTC);

    private static Observation observation(String code, String value, String status) {
        return (Observation) TestProfiles.parse("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\""
                + status + "\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-02-03T09:00:00+01:00\","
                + value + "}");
    }

    @Test
    void phq9TotalAsQuantityCountsAsAScoredTotal() {
        Scored scored = scorer.score(observation("44261-6", "\"valueQuantity\":{\"value\":22}", "final"), "p1");
        assertEquals(1, scored.scores().size());
        assertEquals("phq9.total", scored.scores().get(0).measure());
        assertEquals(22.0, scored.scores().get(0).value());
        assertEquals(LocalDate.of(2026, 2, 3), scored.scores().get(0).date());
    }

    @Test
    void panelCodeWithANumberIsAPhq9Total() {
        Scored scored = scorer.score(observation("44249-1", "\"valueInteger\":12", "final"), "p1");
        assertEquals(12.0, scored.scores().get(0).value());
    }

    @Test
    void unrelatedCodesAndPreliminaryResultsAreNotScored() {
        assertTrue(scorer.score(observation("8867-4", "\"valueInteger\":80", "final"), "p1").scores().isEmpty());
        Scored preliminary = scorer.score(observation("44261-6", "\"valueInteger\":22", "preliminary"), "p1");
        assertTrue(preliminary.scores().isEmpty());
        assertEquals("ignored: status is preliminary", preliminary.notes().get(0).message());
    }

    @Test
    void anObservationWithoutStatusIsIgnoredNotAFailure() {
        Observation noStatus = observation("44261-6", "\"valueInteger\":22", "final").setStatus(null);
        Scored scored = scorer.score(noStatus, "p1");
        assertTrue(scored.scores().isEmpty());
        assertEquals("ignored: status is missing", scored.notes().get(0).message());
    }
}
