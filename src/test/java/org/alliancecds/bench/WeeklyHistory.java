package org.alliancecds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A patient-view request for a patient with any number of weekly sessions in one episode, the last one today: each
 * session an alliance form (an SRS, a WAI-SR patient form every fourth week) and one symptom form (a PHQ-9 and a
 * GAD-7 in turn), so two QuestionnaireResponses a session, as issue #15 measured. The ratings and symptoms move a
 * little from week to week so that trajectories, changes and baselines have something to say.
 */
public final class WeeklyHistory {

    static final String PATIENT = "history-patient";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://alliance-cds.org/fhir/Questionnaire/";
    private static final String[] SRS_ITEMS = {"relationship", "goals-topics", "approach", "overall"};
    private static final int WAISR_ITEMS = 12;

    private WeeklyHistory() {
    }

    /** The request body for a patient of {@code sessions} weekly sessions, the last one {@code today}. */
    public static String request(int sessions, LocalDate today) {
        ObjectNode request = JSON.createObjectNode().put("hook", "patient-view")
                .put("hookInstance", "5c2e9a41-7d3b-4f08-9e6a-2b1f0c8d7e53");
        request.putObject("context").put("userId", "Practitioner/bench").put("patientId", PATIENT);
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.putObject("patient").put("resourceType", "Patient").put("id", PATIENT);
        ArrayNode responses = prefetch.putObject("responses").put("resourceType", "Bundle").put("type", "searchset")
                .putArray("entry");
        for (int session = 0; session < sessions; session++) {
            LocalDate day = today.minusWeeks(sessions - 1L - session);
            int drift = session % 3;
            if (session % 4 == 3) {
                int[] answers = new int[WAISR_ITEMS];
                java.util.Arrays.fill(answers, 4 - drift % 2);
                responses.addObject().set("resource", numbered("waisr-patient", day, answers));
            } else {
                responses.addObject().set("resource", form("srs", day, SRS_ITEMS,
                        new int[] {9, 9 - drift, 8 + drift % 2, 9}));
            }
            if (session % 2 == 0) {
                responses.addObject().set("resource", numbered("phq9", day,
                        new int[] {2, 2, 2, 1, 1, 1, 1, drift, 0}));
            } else {
                responses.addObject().set("resource", numbered("gad7", day, new int[] {2, 1, 2, 1, 1, drift, 1}));
            }
        }
        prefetch.putNull("observations");
        prefetch.putNull("episodes");
        return request.toString();
    }

    private static ObjectNode numbered(String instrument, LocalDate day, int[] answers) {
        String[] linkIds = new String[answers.length];
        for (int index = 0; index < answers.length; index++) {
            linkIds[index] = String.valueOf(index + 1);
        }
        return form(instrument, day, linkIds, answers);
    }

    private static ObjectNode form(String instrument, LocalDate day, String[] linkIds, int[] answers) {
        ObjectNode response = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse")
                .put("id", instrument + "-" + day).put("status", "completed").put("questionnaire", BASE + instrument)
                .put("authored", day + "T10:00:00Z");
        response.putObject("subject").put("reference", "Patient/" + PATIENT);
        ArrayNode items = response.putArray("item");
        for (int index = 0; index < linkIds.length; index++) {
            items.addObject().put("linkId", linkIds[index]).putArray("answer").addObject()
                    .put("valueInteger", answers[index]);
        }
        return response;
    }
}
