package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One hand-checked response per instrument, scored from the shipped fhir-profiles; the arithmetic is written out. */
class InstrumentExamplesTest {

    private static final String FORMS = "https://alliance-cds.org/fhir/Questionnaire/";

    private final ResponseScorer scorer = new ResponseScorer(TestProfiles.catalog(), ZoneOffset.UTC);

    private Scored score(ResponseJson response) {
        return scorer.score((QuestionnaireResponse) TestProfiles.parse(response.json()), "p1");
    }

    private static Map<String, Double> values(Scored scored) {
        return scored.scores().stream().collect(Collectors.toMap(InstrumentScore::measure, InstrumentScore::value));
    }

    private static ResponseJson numbered(String form, int... answers) {
        ResponseJson response = ResponseJson.of(FORMS + form);
        for (int item = 1; item <= answers.length; item++) {
            response.integer(String.valueOf(item), answers[item - 1]);
        }
        return response;
    }

    @Test
    void auditWeighsItemsNineAndTenZeroTwoFour() {
        ResponseJson audit = ResponseJson.of(FORMS + "audit")
                .coding("1", "LA18927-6").coding("2", "LA15695-2").coding("3", "LA18876-5").coding("4", "LA6270-8")
                .coding("5", "LA18933-4").coding("6", "LA6270-8").coding("7", "LA18891-4").coding("8", "LA18933-4")
                .integer("9", 2)
                .coding("10", "https://alliance-cds.org/fhir/CodeSystem/audit-answers", "yes-last-year");
        // 2-4 a month 2 + "3 or 4" 1 + monthly 2 + never 0 + less than monthly 1 + never 0 + weekly 3
        // + less than monthly 1 + item 9 valueInteger 2 (is the weight) + item 10 "yes, during the last year" 4 = 16
        assertEquals(Map.of("audit.total", 16.0), values(score(audit)));
    }

    @Test
    void dastCountsYesesAndANoToItemThree() {
        ResponseJson dast = ResponseJson.of(FORMS + "dast10")
                .bool("1", true).bool("2", false).bool("3", false).integer("4", 1).coding("5", "LA33-6")
                .coding("6", "LA32-8").bool("7", true).bool("8", false).bool("9", false).bool("10", true);
        // yes 1 + no 0 + item 3 no reversed to 1 + 1 + LA33-6 yes 1 + LA32-8 no 0 + 1 + 0 + 0 + 1 = 6
        assertEquals(Map.of("dast10.total", 6.0), values(score(dast)));
        ResponseJson allNo = ResponseJson.of(FORMS + "dast10");
        for (int item = 1; item <= 10; item++) {
            allNo.bool(String.valueOf(item), false);
        }
        // every item 0, except item 3: no reversed = 1 + 0 - 0 = 1
        assertEquals(Map.of("dast10.total", 1.0), values(score(allNo)));
    }

    @Test
    void waiSrPatientGivesTheMeanAndThreeSubscales() {
        Scored scored = score(numbered("waisr-patient", 4, 5, 3, 4, 4, 3, 5, 4, 4, 3, 4, 4));
        // task = items 1,2,10,12 = 4+5+3+4 = 16; bond = 3,5,7,9 = 3+4+5+4 = 16; goal = 4,6,8,11 = 4+3+4+4 = 15
        // mean = (16+16+15) / 12 = 47/12 = 3.9167
        assertEquals(Map.of("waisr-patient.mean", 47.0 / 12, "waisr-patient.task", 16.0,
                "waisr-patient.bond", 16.0, "waisr-patient.goal", 15.0), values(scored));
        assertTrue(scored.scores().stream().allMatch(score -> "patient".equals(score.rater())));
    }

    @Test
    void waiSrTherapistFormIsRatedByTheTherapist() {
        Scored scored = score(numbered("waisr-therapist", 4, 4, 5, 3, 4, 4, 4, 5, 4, 4, 3, 4));
        // mean = (4+4+5+3+4+4+4+5+4+4+3+4) / 12 = 48/12 = 4.0
        assertEquals(Map.of("waisr-therapist.mean", 4.0), values(scored));
        assertEquals("therapist", scored.scores().get(0).rater());
    }

    @Test
    void srsGivesTheTotalAndEachItemOnItsOwn() {
        ResponseJson srs = ResponseJson.of(FORMS + "srs").decimal("relationship", 9.5).decimal("goals-topics", 8.0)
                .decimal("approach", 7.5).decimal("overall", 9.0);
        // total = 9.5 + 8.0 + 7.5 + 9.0 = 34.0; each item is its own scale, so approach 7.5 is visible as < 8
        assertEquals(Map.of("srs.total", 34.0, "srs.relationship", 9.5, "srs.goals-topics", 8.0,
                "srs.approach", 7.5, "srs.overall", 9.0), values(score(srs)));
    }

    @Test
    void uricaReadinessCombinesTheStageMeans() {
        ResponseJson urica = ResponseJson.of(FORMS + "urica");
        answer(urica, "pc", 2, 1, 2, 1, 2, 2, 1, 1);
        answer(urica, "c", 4, 4, 5, 4, 4, 3, 4, 4);
        answer(urica, "a", 3, 4, 3, 4, 3, 4, 3, 4);
        answer(urica, "m", 3, 3, 3, 3, 2, 3, 3, 4);
        // pc = 12/8 = 1.5; c = 32/8 = 4.0; a = 28/8 = 3.5; m = 24/8 = 3.0
        // readiness = c + a + m - pc = 4.0 + 3.5 + 3.0 - 1.5 = 9.0
        assertEquals(Map.of("urica.pc", 1.5, "urica.c", 4.0, "urica.a", 3.5, "urica.m", 3.0,
                "urica.readiness", 9.0), values(score(urica)));
    }

    private static void answer(ResponseJson response, String stage, int... answers) {
        for (int index = 0; index < answers.length; index++) {
            response.integer(stage + "-" + (index + 1), answers[index]);
        }
    }

    @Test
    void socratesSumsItsThreeScales() {
        Scored scored = score(numbered("socrates", 5, 3, 4, 2, 1, 3, 4, 2, 1, 4, 2, 4, 2, 3, 5, 3, 4, 2, 3));
        // recognition = items 1,3,7,10,12,15,17 = 5+4+4+4+4+5+4 = 30; ambivalence = 2,6,11,16 = 3+3+2+3 = 11
        // taking steps = 4,5,8,9,13,14,18,19 = 2+1+2+1+2+3+2+3 = 16
        assertEquals(Map.of("socrates.recognition", 30.0, "socrates.ambivalence", 11.0,
                "socrates.taking-steps", 16.0), values(scored));
    }

    @Test
    void rulerReportsImportanceAndConfidenceAsGiven() {
        ResponseJson ruler = ResponseJson.of(FORMS + "ruler").integer("importance", 7).integer("confidence", 3);
        // single-item scales: importance = 7, confidence = 3
        assertEquals(Map.of("ruler.importance", 7.0, "ruler.confidence", 3.0), values(score(ruler)));
    }

    @Test
    void sapsSumsStandardsAndDiscrepancy() {
        ResponseJson saps = ResponseJson.of(FORMS + "saps").integer("standards-1", 7).integer("standards-2", 6)
                .integer("standards-3", 6).integer("standards-4", 5).integer("discrepancy-1", 5)
                .integer("discrepancy-2", 6).integer("discrepancy-3", 4).integer("discrepancy-4", 6);
        // standards = 7+6+6+5 = 24; discrepancy = 5+6+4+6 = 21
        assertEquals(Map.of("saps.standards", 24.0, "saps.discrepancy", 21.0), values(score(saps)));
    }

    @Test
    void dtcqGivesTheMeanPercentage() {
        Scored scored = score(numbered("dtcq8", 40, 60, 20, 80, 50, 30, 70, 40));
        // mean = (40+60+20+80+50+30+70+40) / 8 = 390/8 = 48.75
        assertEquals(Map.of("dtcq8.mean", 48.75), values(scored));
    }

    @Test
    void intakeKeepsItsAnswersAsGiven() {
        ResponseJson intake = ResponseJson.of(FORMS + "intake").bool("mandated", true)
                .coding("referral-source", "https://alliance-cds.org/fhir/CodeSystem/intake", "court")
                .coding("preferred-style", null, "empathic");
        Scored scored = score(intake);
        // nothing to add up: the three answers are kept, the style even without its code system
        assertTrue(scored.scores().isEmpty());
        assertEquals(Map.of("intake.mandated", "true", "intake.referral-source", "court",
                        "intake.preferred-style", "empathic"),
                scored.answers().stream().collect(Collectors.toMap(CodedAnswer::question, CodedAnswer::code)));
    }
}
