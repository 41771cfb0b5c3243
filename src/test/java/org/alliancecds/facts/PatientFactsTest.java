package org.alliancecds.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions and episodes as clinical-rules.md defines them. */
class PatientFactsTest {

    private static final int GAP = PatientFacts.DEFAULT_EPISODE_GAP_DAYS;

    private final List<InstrumentScore> scores = new ArrayList<>();
    private final List<CarePeriod> periods = new ArrayList<>();

    private PatientFactsTest form(String instrument, String day, String encounter) {
        scores.add(InstrumentScore.measured(instrument, "total", instrument, 1, LocalDate.parse(day),
                "QuestionnaireResponse/" + instrument + day, "patient", encounter, true));
        return this;
    }

    private PatientFactsTest observation(String day) {
        scores.add(InstrumentScore.measured("moca", "total", "MoCA", 24, LocalDate.parse(day), "Observation/" + day,
                "patient", null, false));
        return this;
    }

    private PatientFacts asOf(String today) {
        return PatientFacts.of("p1", scores, List.of(), periods, LocalDate.parse(today), GAP);
    }

    private static InstrumentScore find(PatientFacts facts, String source) {
        return facts.scores().stream().filter(score -> source.equals(score.source())).findFirst().orElseThrow();
    }

    @Test
    void formsOnOneDayAreOneSessionAndObservationsMakeNone() {
        PatientFacts facts = form("srs", "2026-01-05", null).form("phq9", "2026-01-05", null)
                .form("srs", "2026-01-12", null).observation("2026-01-20").asOf("2026-01-21");
        assertEquals(new TreatmentEpisode(1, 2, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-12"), true),
                facts.currentEpisode());
        assertEquals(2, find(facts, "QuestionnaireResponse/srs2026-01-12").session());
        InstrumentScore moca = find(facts, "Observation/2026-01-20");
        assertEquals(1, moca.episode());
        assertEquals(0, moca.session());
    }

    @Test
    void distinctEncountersOnOneDayAreDistinctSessions() {
        PatientFacts facts = form("srs", "2026-01-05", "Encounter/a").form("srs", "2026-01-05", "Encounter/b")
                .asOf("2026-01-05");
        assertEquals(2, facts.currentEpisode().sessions());
    }

    @Test
    void aGapLongerThanNinetyDaysStartsANewEpisode() {
        PatientFacts facts = form("srs", "2025-01-05", null).form("srs", "2025-01-12", null)
                .form("srs", "2025-04-13", null).asOf("2025-04-13");
        // 2025-01-12 → 2025-04-13 is 91 days: a new episode with one session
        assertEquals(2, facts.episodes().size());
        assertEquals(1, facts.currentEpisode().sessions());
        assertEquals(2, facts.currentEpisode().number());
        assertEquals(1, find(facts, "QuestionnaireResponse/srs2025-04-13").session());
    }

    @Test
    void exactlyNinetyDaysKeepsTheEpisode() {
        PatientFacts facts = form("srs", "2025-01-12", null).form("srs", "2025-04-12", null).asOf("2025-04-12");
        assertEquals(1, facts.episodes().size());
        assertEquals(2, facts.currentEpisode().sessions());
    }

    @Test
    void aPatientBackAfterLongerThanTheGapIsInANewEmptyEpisode() {
        PatientFacts facts = form("srs", "2025-01-05", null).form("srs", "2025-01-12", null).asOf("2025-06-01");
        assertEquals(new TreatmentEpisode(2, 0, null, null, true), facts.currentEpisode());
        assertTrue(!facts.episodes().get(0).current());
    }

    @Test
    void noFormsMeansACurrentEpisodeWithoutSessions() {
        assertEquals(new TreatmentEpisode(1, 0, null, null, true), observation("2026-01-01").asOf("2026-01-02")
                .currentEpisode());
    }

    @Test
    void careEpisodesOfTheEhrWinOverGaps() {
        periods.add(new CarePeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-10"), "EpisodeOfCare/a"));
        periods.add(new CarePeriod(LocalDate.parse("2025-01-11"), null, "EpisodeOfCare/b"));
        // five days apart, so one episode by gaps; two by the EHR's episodes of care
        PatientFacts facts = form("srs", "2025-01-06", null).form("srs", "2025-01-11", null)
                .form("srs", "2025-01-18", null).asOf("2025-01-20");
        assertEquals(new TreatmentEpisode(2, 2, LocalDate.parse("2025-01-11"), LocalDate.parse("2025-01-18"), true),
                facts.currentEpisode());
        assertEquals(2, find(facts, "QuestionnaireResponse/srs2025-01-18").session());
    }

    @Test
    void whenNoCareEpisodeIsOpenTodayTheCurrentOneIsNewAndEmpty() {
        periods.add(new CarePeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), "EpisodeOfCare/a"));
        PatientFacts facts = form("srs", "2025-01-06", null).asOf("2025-02-10");
        assertEquals(new TreatmentEpisode(2, 0, null, null, true), facts.currentEpisode());
    }

    @Test
    void theNewestOfEachMeasureIsMarked() {
        PatientFacts facts = form("srs", "2026-01-05", null).form("srs", "2026-01-12", null).asOf("2026-01-12");
        assertTrue(find(facts, "QuestionnaireResponse/srs2026-01-12").latest());
        assertTrue(!find(facts, "QuestionnaireResponse/srs2026-01-05").latest());
    }
}
