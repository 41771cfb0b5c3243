package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * PHQ-9 responses shaped exactly like the MII example in the corpus (linkIds {@code PHQ.1}…, LOINC answer codes
 * without system, total as a Quantity), with chosen answers, patient and date; for scenarios the corpus lacks.
 */
final class Phq9Responses {

    // LOINC answers "Not at all", "Several days", "More than half the days", "Nearly every day" = 0..3 points.
    private static final String[] ANSWERS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    private static final int ITEMS = 9;

    private Phq9Responses() {
    }

    /**
     * @param otherItems points (0..3) given to each of items 1 to 8
     * @param item9      points (0..3) for item 9, the self-harm item
     */
    static ObjectNode response(String id, String patientId, LocalDate authored, int otherItems, int item9) {
        ObjectNode response = Corpus.resource(Corpus.PHQ9);
        response.put("id", id).put("authored", authored + "T12:00:00Z");
        response.putObject("subject").put("reference", "Patient/" + patientId);
        for (JsonNode item : response.get("item")) {
            String linkId = item.get("linkId").asText();
            ObjectNode answer = (ObjectNode) item.get("answer").get(0);
            if (linkId.equals("PHQ.Score")) {
                ((ObjectNode) answer.get("valueQuantity")).put("value", (ITEMS - 1) * otherItems + item9);
            } else if (linkId.equals("PHQ." + ITEMS)) {
                ((ObjectNode) answer.get("valueCoding")).put("code", ANSWERS[item9]);
            } else if (!linkId.equals("PHQ.10")) {
                ((ObjectNode) answer.get("valueCoding")).put("code", ANSWERS[otherItems]);
            }
        }
        return response;
    }
}
