package org.alliancecds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A patient-view request for a patient twelve weekly sessions into treatment: an SRS, a PHQ-9 and a GAD-7 each
 * session, an intake form, SAPS and URICA at the start, and a MoCA total. Its data make several rules fire, as a
 * typical chart would.
 */
final class TwelveSessions {

    static final String PATIENT = "bench-patient";
    private static final int SESSIONS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://alliance-cds.org/fhir/Questionnaire/";

    private TwelveSessions() {
    }

    static String request(LocalDate today) {
        ObjectNode request = JSON.createObjectNode().put("hook", "patient-view")
                .put("hookInstance", "1b0d4c3e-8a7f-4d2b-9c61-0f2e8b7a1d34");
        request.putObject("context").put("userId", "Practitioner/bench").put("patientId", PATIENT);
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.putObject("patient").put("resourceType", "Patient").put("id", PATIENT);
        ArrayNode responses = entries(prefetch.putObject("responses"));
        for (int session = 0; session < SESSIONS; session++) {
            LocalDate day = today.minusWeeks(SESSIONS - 1 - session);
            int drift = session % 3;
            responses.addObject().set("resource", form("srs", day, new String[] {"relationship", "goals-topics",
                    "approach", "overall"}, new int[] {9, 9 - drift, 8, 9}));
            responses.addObject().set("resource", numbered("phq9", day, new int[] {2, 2, 2, 2, 1, 1, 1, 1, drift}));
            responses.addObject().set("resource", numbered("gad7", day, new int[] {2, 1, 2, 1, 2, 1, 1}));
        }
        LocalDate first = today.minusWeeks(SESSIONS - 1);
        responses.addObject().set("resource", form("saps", first, new String[] {"standards-1", "standards-2",
                "standards-3", "standards-4", "discrepancy-1", "discrepancy-2", "discrepancy-3", "discrepancy-4"},
                new int[] {6, 6, 6, 6, 5, 5, 5, 6}));
        ObjectNode intake = response("intake", first);
        intake.putArray("item").addObject().put("linkId", "mandated").putArray("answer").addObject()
                .put("valueBoolean", true);
        responses.addObject().set("resource", intake);
        ArrayNode observations = entries(prefetch.putObject("observations"));
        ObjectNode moca = JSON.createObjectNode().put("resourceType", "Observation").put("id", "moca")
                .put("status", "final").put("effectiveDateTime", first + "T09:00:00Z").put("valueInteger", 24);
        moca.putObject("subject").put("reference", "Patient/" + PATIENT);
        moca.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", "72172-0");
        observations.addObject().set("resource", moca);
        prefetch.putNull("episodes");
        return request.toString();
    }

    private static ArrayNode entries(ObjectNode bundle) {
        return bundle.put("resourceType", "Bundle").put("type", "searchset").putArray("entry");
    }

    private static ObjectNode numbered(String instrument, LocalDate day, int[] answers) {
        String[] linkIds = new String[answers.length];
        for (int index = 0; index < answers.length; index++) {
            linkIds[index] = String.valueOf(index + 1);
        }
        return form(instrument, day, linkIds, answers);
    }

    private static ObjectNode form(String instrument, LocalDate day, String[] linkIds, int[] answers) {
        ObjectNode response = response(instrument, day);
        ArrayNode items = response.putArray("item");
        for (int index = 0; index < linkIds.length; index++) {
            items.addObject().put("linkId", linkIds[index]).putArray("answer").addObject()
                    .put("valueInteger", answers[index]);
        }
        return response;
    }

    private static ObjectNode response(String instrument, LocalDate day) {
        ObjectNode response = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse")
                .put("id", instrument + "-" + day).put("status", "completed").put("questionnaire", BASE + instrument)
                .put("authored", day + "T10:00:00Z");
        response.putObject("subject").put("reference", "Patient/" + PATIENT);
        return response;
    }
}
