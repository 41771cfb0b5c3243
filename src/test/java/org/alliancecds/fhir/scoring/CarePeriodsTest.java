package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.CarePeriod;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CarePeriodsTest {

    private static EpisodeOfCare episode(String id, EpisodeOfCareStatus status) {
        EpisodeOfCare episode = (EpisodeOfCare) TestProfiles.parse("{\"resourceType\":\"EpisodeOfCare\",\"id\":\"" + id
                + "\",\"status\":\"active\",\"patient\":{\"reference\":\"Patient/p1\"},"
                + "\"period\":{\"start\":\"2026-01-05\"}}");
        return episode.setStatus(status);
    }

    @Test
    void onlyEpisodesThatTookPlaceCount() {
        List<CarePeriod> periods = CarePeriods.of(List.of(episode("active", EpisodeOfCareStatus.ACTIVE),
                episode("cancelled", EpisodeOfCareStatus.CANCELLED), episode("no-status", null)), "p1", ZoneOffset.UTC);
        assertEquals(List.of("EpisodeOfCare/active"), periods.stream().map(CarePeriod::source).toList());
    }
}
