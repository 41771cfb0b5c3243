package org.alliancecds.fhir.scoring;

import java.util.ArrayList;
import java.util.List;

/** Builds QuestionnaireResponse JSON for tests: one answer per linkId, in whatever shape the test needs. */
final class ResponseJson {

    private final String questionnaire;
    private String subject = "Patient/p1";
    private String authored = "2026-03-02T10:00:00Z";
    private final List<String> items = new ArrayList<>();

    private ResponseJson(String questionnaire) {
        this.questionnaire = questionnaire;
    }

    static ResponseJson of(String questionnaire) {
        return new ResponseJson(questionnaire);
    }

    ResponseJson subject(String reference) {
        this.subject = reference;
        return this;
    }

    ResponseJson authored(String timestamp) {
        this.authored = timestamp;
        return this;
    }

    ResponseJson integer(String linkId, int value) {
        return answer(linkId, "\"valueInteger\":" + value);
    }

    ResponseJson decimal(String linkId, double value) {
        return answer(linkId, "\"valueDecimal\":" + value);
    }

    ResponseJson bool(String linkId, boolean value) {
        return answer(linkId, "\"valueBoolean\":" + value);
    }

    ResponseJson coding(String linkId, String code) {
        return coding(linkId, "http://loinc.org", code);
    }

    /** A coded answer; a null system sends the bare code, as some systems do. */
    ResponseJson coding(String linkId, String system, String code) {
        String systemJson = system == null ? "" : "\"system\":\"" + system + "\",";
        return answer(linkId, "\"valueCoding\":{" + systemJson + "\"code\":\"" + code + "\"}");
    }

    ResponseJson ordinal(String linkId, String code, double weight) {
        return answer(linkId, "\"valueCoding\":{\"code\":\"" + code + "\",\"extension\":[{\"url\":"
                + "\"http://hl7.org/fhir/StructureDefinition/ordinalValue\",\"valueDecimal\":" + weight + "}]}");
    }

    ResponseJson answer(String linkId, String value) {
        items.add("{\"linkId\":\"" + linkId + "\",\"answer\":[{" + value + "}]}");
        return this;
    }

    /** Wraps the items collected so far in a group, as Argonaut-style forms nest them. */
    ResponseJson grouped(String groupLinkId) {
        String group = "{\"linkId\":\"" + groupLinkId + "\",\"item\":[" + String.join(",", items) + "]}";
        items.clear();
        items.add(group);
        return this;
    }

    String json() {
        String subjectJson = subject == null ? "" : "\"subject\":{\"reference\":\"" + subject + "\"},";
        String questionnaireJson = questionnaire == null ? "" : "\"questionnaire\":\"" + questionnaire + "\",";
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"r1\",\"status\":\"completed\","
                + questionnaireJson + subjectJson + "\"authored\":\"" + authored + "\",\"item\":["
                + String.join(",", items) + "]}";
    }
}
