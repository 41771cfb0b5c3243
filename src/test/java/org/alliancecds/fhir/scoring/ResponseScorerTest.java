package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseScorerTest {

    private static final String PHQ9 = "https://alliance-cds.org/fhir/Questionnaire/phq9";
    private static final String[] PHQ9_CODES = {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
            "44252-5", "44253-3", "44260-8"};

    private final ResponseScorer scorer = new ResponseScorer(TestProfiles.catalog(), ZoneOffset.UTC);

    private Scored score(ResponseJson response, String patient) {
        return scorer.score((QuestionnaireResponse) TestProfiles.parse(response.json()), patient);
    }

    private static Map<String, Double> values(Scored scored) {
        return scored.scores().stream().collect(Collectors.toMap(InstrumentScore::measure, InstrumentScore::value));
    }

    @Test
    void miiPhq9ExampleScoresTwentySevenWithItemNineThree() {
        QuestionnaireResponse mii = (QuestionnaireResponse)
                TestProfiles.resource("corpus/questionnaire-responses/mii-proms-QR-phq-9-response.json");
        Scored scored = scorer.score(mii, "example");
        // nine items answered LA6571-9 (= 3 each): 9 × 3 = 27; item 9 alone = 3; item 10 (difficulty) not scored
        assertEquals(Map.of("phq9.total", 27.0, "phq9.item9", 3.0), values(scored));
        assertEquals(LocalDate.of(2023, 10, 1), scored.scores().get(0).date());
        assertEquals("QuestionnaireResponse/mii-exa-pro-phq-9-response", scored.scores().get(0).source());
        assertTrue(scored.notes().isEmpty(), "reported total 27 agrees with the items: " + scored.notes());
    }

    @Test
    void miiGad7ExampleScoresThirteen() {
        QuestionnaireResponse mii = (QuestionnaireResponse)
                TestProfiles.resource("corpus/questionnaire-responses/mii-proms-QR-gad-7-response.json");
        Scored scored = scorer.score(mii, "Patient/mii-exa-pro-patient");
        // LA6570-1 (2), LA6571-9 (3), 2, LA6569-3 (1), 2, 1, 2 → 2+3+2+1+2+1+2 = 13
        assertEquals(Map.of("gad7.total", 13.0), values(scored));
    }

    @Test
    void cardiologyFormIsIgnoredNotMisScored() {
        QuestionnaireResponse cardiology = (QuestionnaireResponse)
                TestProfiles.resource("corpus/questionnaire-responses/sdc-QR-Cardiology-MariaSantos.json");
        String patient = cardiology.getSubject().getReferenceElement().getIdPart();
        Scored scored = scorer.score(cardiology, patient);
        assertTrue(scored.scores().isEmpty());
        assertTrue(scored.notes().get(0).message().startsWith("ignored"), scored.notes().toString());
    }

    @Test
    void responseWithoutSubjectIsRejectedWithItsReason() {
        QuestionnaireResponse orphan = (QuestionnaireResponse)
                TestProfiles.resource("corpus/questionnaire-responses/lforms-R4-hidden-item-QR.json");
        Scored scored = scorer.score(orphan, "p1");
        assertTrue(scored.scores().isEmpty());
        assertEquals("rejected: no subject, so it cannot be attributed to this patient",
                scored.notes().get(0).message());
    }

    @Test
    void responseWithoutStatusIsIgnoredNotAFailure() {
        QuestionnaireResponse noStatus = (QuestionnaireResponse)
                TestProfiles.resource("corpus/questionnaire-responses/mii-proms-QR-phq-9-response.json");
        noStatus.setStatus(null);
        Scored scored = scorer.score(noStatus, "example");
        assertTrue(scored.scores().isEmpty());
        assertEquals("ignored: status is missing", scored.notes().get(0).message());
    }

    @Test
    void responseOfAnotherPatientIsRejected() {
        ResponseJson other = allPhq9Items(ResponseJson.of(PHQ9).subject("Patient/someone-else"), 1);
        Scored scored = score(other, "p1");
        assertTrue(scored.scores().isEmpty());
        assertTrue(scored.notes().get(0).message().contains("not the patient"));
    }

    @Test
    void sevenOfNineItemsAreProratedToNine() {
        ResponseJson response = ResponseJson.of(PHQ9);
        for (int item = 1; item <= 7; item++) {
            response.integer(String.valueOf(item), 2);
        }
        // 7 items × 2 = 14; prorated: 14 × 9 / 7 = 18
        assertEquals(18.0, values(score(response, "p1")).get("phq9.total"));
    }

    @Test
    void sixOfNineItemsAreNotScoredAndSayWhy() {
        ResponseJson response = ResponseJson.of(PHQ9);
        for (int item = 1; item <= 6; item++) {
            response.integer(String.valueOf(item), 2);
        }
        Scored scored = score(response, "p1");
        assertTrue(scored.scores().isEmpty());
        assertEquals("PHQ-9 total not scored: 6 of 9 items answered, 7 needed", scored.notes().get(0).message());
    }

    @Test
    void itemsWinOverADisagreeingReportedTotalAndTheConflictIsNoted() {
        ResponseJson response = allPhq9Items(ResponseJson.of(PHQ9), 1).integer("total", 20);
        Scored scored = score(response, "p1");
        assertEquals(9.0, values(scored).get("phq9.total"));
        assertTrue(scored.notes().get(0).message().contains("reports 20.0 but its items give 9.0"));
    }

    @Test
    void reportedTotalAloneIsUsedWhenNoItemsCame() {
        Scored scored = score(ResponseJson.of(PHQ9 + "|1.0.0").integer("total", 21), "p1");
        assertEquals(Map.of("phq9.total", 21.0), values(scored));
    }

    @Test
    void loincCodedOpaqueLinkIdsScoreLikeOurOwnQuestionnaire() {
        ResponseJson ours = ResponseJson.of(PHQ9);
        ResponseJson lforms = ResponseJson.of(null);
        int[] answers = {0, 1, 2, 3, 0, 1, 2, 3, 1};
        for (int index = 0; index < 9; index++) {
            ours.integer(String.valueOf(index + 1), answers[index]);
            lforms.ordinal("/44249-1/" + PHQ9_CODES[index], "LA-any", answers[index]);
        }
        // 0+1+2+3+0+1+2+3+1 = 13; item 9 = 1
        assertEquals(Map.of("phq9.total", 13.0, "phq9.item9", 1.0), values(score(ours, "p1")));
        assertEquals(values(score(ours, "p1")), values(score(lforms.grouped("g1"), "p1")));
    }

    @Test
    void codedAnswersWithoutWeightsUseTheLoincAnswerList() {
        ResponseJson response = ResponseJson.of(PHQ9);
        for (int item = 1; item <= 9; item++) {
            response.coding(String.valueOf(item), "LA6570-1");
        }
        // LA6570-1 = 2 on every item: 9 × 2 = 18
        assertEquals(18.0, values(score(response, "p1")).get("phq9.total"));
    }

    @Test
    void unfinishedResponsesAreNotScored() {
        String inProgress = allPhq9Items(ResponseJson.of(PHQ9), 3).json()
                .replace("\"completed\"", "\"in-progress\"");
        Scored scored = scorer.score((QuestionnaireResponse) TestProfiles.parse(inProgress), "p1");
        assertTrue(scored.scores().isEmpty());
        assertEquals("ignored: status is in-progress", scored.notes().get(0).message());
    }

    @Test
    void anIdThatIsNotAFhirIdNeverReachesCardText() {
        String markup = allPhq9Items(ResponseJson.of(PHQ9), 3).json()
                .replace("\"id\":\"r1\"", "\"id\":\"<img src=x onerror=alert(1)>\"");
        Scored scored = scorer.score((QuestionnaireResponse) TestProfiles.parse(markup), "p1");
        assertEquals("QuestionnaireResponse with an invalid id", scored.scores().get(0).source());
    }

    private static ResponseJson allPhq9Items(ResponseJson response, int value) {
        for (int item = 1; item <= 9; item++) {
            response.integer(String.valueOf(item), value);
        }
        return response;
    }
}
