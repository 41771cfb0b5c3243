package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/** Builds CDS Hooks request bodies the way an EHR sends them. */
final class HookRequest {

    static final String PATIENT_VIEW = "alliance-patient-view";
    static final String ENCOUNTER_START = "alliance-encounter-start";
    static final String USER = "Practitioner/example";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode body = NODES.objectNode();

    private HookRequest(String hook) {
        body.put("hook", hook).put("hookInstance", UUID.randomUUID().toString());
    }

    /** A patient-view call: context userId and patientId. */
    static HookRequest patientView(String patientId) {
        HookRequest request = new HookRequest("patient-view");
        request.body.putObject("context").put("userId", USER).put("patientId", patientId);
        return request;
    }

    /** An encounter-start call: context userId, patientId and encounterId. */
    static HookRequest encounterStart(String patientId, String encounterId) {
        HookRequest request = new HookRequest("encounter-start");
        request.body.putObject("context").put("userId", USER).put("patientId", patientId)
                .put("encounterId", encounterId);
        return request;
    }

    /**
     * Another clinician calls: cards a user answered stay quiet for that user and patient (rule base 2.0), so a test
     * whose feedback must not quiet the cards of other tests calls as a user of its own.
     */
    HookRequest user(String userId) {
        ((ObjectNode) body.get("context")).put("userId", userId);
        return this;
    }

    /** A user no other call has been made as. */
    static String freshUser() {
        return "Practitioner/it-" + UUID.randomUUID();
    }

    HookRequest prefetch(String key, JsonNode value) {
        prefetchObject().set(key, value);
        return this;
    }

    /** A prefetch key sent as JSON null: the EHR has no such data. */
    HookRequest prefetchNull(String key) {
        prefetchObject().putNull(key);
        return this;
    }

    HookRequest fhirServer(String baseUrl) {
        body.put("fhirServer", baseUrl);
        return this;
    }

    /** What the service reads, as a SMART v1 EHR would grant it (v2 forms are tested in the unit tests). */
    static final String SCOPE = "patient/QuestionnaireResponse.read patient/Observation.read "
            + "patient/EpisodeOfCare.read user/Questionnaire.read";

    HookRequest fhirServer(String baseUrl, String accessToken) {
        fhirServer(baseUrl);
        body.putObject("fhirAuthorization").put("access_token", accessToken).put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", SCOPE)
                .put("subject", "alliance-cds");
        return this;
    }

    HookRequest without(String field) {
        body.remove(field);
        return this;
    }

    ObjectNode json() {
        return body.deepCopy();
    }

    /** A searchset Bundle of the given resources, as a prefetch or search answers it. */
    static ObjectNode searchset(List<? extends JsonNode> resources) {
        ObjectNode bundle = NODES.objectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", resources.size());
        ArrayNode entries = bundle.putArray("entry");
        for (JsonNode resource : resources) {
            ObjectNode entry = entries.addObject();
            entry.set("resource", resource);
            entry.putObject("search").put("mode", "match");
        }
        return bundle;
    }

    static ObjectNode searchset(JsonNode... resources) {
        return searchset(List.of(resources));
    }

    /** Adds a resource as a search {@code _include} would: an entry with search mode {@code include}. */
    static ObjectNode include(ObjectNode searchset, JsonNode resource) {
        ObjectNode entry = searchset.withArray("entry").addObject();
        entry.set("resource", resource);
        entry.putObject("search").put("mode", "include");
        return searchset;
    }

    /** What an EHR sends when its own prefetch query failed. */
    static ObjectNode operationOutcome() {
        ObjectNode outcome = NODES.objectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", "timeout")
                .put("diagnostics", "the EHR's prefetch query timed out");
        return outcome;
    }

    private ObjectNode prefetchObject() {
        JsonNode prefetch = body.get("prefetch");
        return prefetch instanceof ObjectNode object ? object : body.putObject("prefetch");
    }
}
