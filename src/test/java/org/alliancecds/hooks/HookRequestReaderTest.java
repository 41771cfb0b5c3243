package org.alliancecds.hooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookRequestReaderTest {

    private static final CdsService PATIENT_VIEW = CdsService.ALL.get(0);
    private static final CdsService ENCOUNTER_START = CdsService.ALL.get(1);

    private static String request(String hook, String context, String extra) {
        return "{\"hook\":\"" + hook + "\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
                + "\"context\":" + context + extra + "}";
    }

    private static String rejection(String body, CdsService service) {
        CdsProblem problem = assertThrows(CdsProblem.class, () -> HookRequestReader.read(body, service));
        assertEquals(400, problem.status());
        return problem.getMessage();
    }

    @Test
    void readsAPatientViewCallAndToleratesUnknownFields() {
        HookCall call = HookRequestReader.read(request("patient-view",
                "{\"userId\":\"Practitioner/1\",\"patientId\":\"Patient/123\",\"somethingNew\":1}",
                ",\"extension\":{\"x\":1},\"prefetch\":{\"responses\":null}"), PATIENT_VIEW);
        assertEquals("Patient/123", call.patientId());
        assertTrue(call.prefetch().get("responses").isNull(), "null prefetch kept as 'no data'");
        assertNull(call.fhirServer());
    }

    @Test
    void readsTheFhirServerAndItsBearerToken() {
        HookCall call = HookRequestReader.read(request("patient-view", "{\"userId\":\"u\",\"patientId\":\"1\"}",
                ",\"fhirServer\":\"https://ehr.example/fhir\",\"fhirAuthorization\":{\"access_token\":\"t0k\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"s\"}"),
                PATIENT_VIEW);
        assertEquals("https://ehr.example/fhir", call.fhirServer());
        assertEquals("t0k", call.accessToken());
        assertTrue(!call.toString().contains("t0k"), "the token never appears in a log line");
    }

    @Test
    void refusesAnotherHookMissingContextAndBadFields() {
        String context = "{\"userId\":\"u\",\"patientId\":\"1\"}";
        assertTrue(rejection(request("order-sign", context, ""), PATIENT_VIEW).contains("not 'order-sign'"));
        assertEquals("context.encounterId is required by hook encounter-start and must be a non-empty string",
                rejection(request("encounter-start", context, ""), ENCOUNTER_START));
        assertTrue(rejection(request("patient-view", "{\"userId\":\"u\"}", ""), PATIENT_VIEW)
                .startsWith("context.patientId is required"));
        assertTrue(rejection(request("patient-view", context, ",\"fhirServer\":\"file:///etc/passwd\""),
                PATIENT_VIEW).contains("http or https"));
        assertTrue(rejection(request("patient-view", context, ",\"fhirServer\":\"https://ehr.example/fhir\","
                + "\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"MAC\"}"), PATIENT_VIEW)
                .contains("Bearer"));
        assertTrue(rejection("{\"hook\":\"patient-view\",\"context\":" + context + "}", PATIENT_VIEW)
                .startsWith("'hookInstance' is required"));
        assertTrue(rejection("[1,2]", PATIENT_VIEW).contains("JSON object"));
        assertTrue(rejection("{\"hook\":", PATIENT_VIEW).startsWith("the request body is not valid JSON"));
        assertTrue(rejection(request("patient-view", context, "") + " {}", PATIENT_VIEW)
                .startsWith("the request body is not valid JSON"), "content after the object");
        assertEquals("context.patientId must be a FHIR id, as 123 or Patient/123", rejection(request("patient-view",
                "{\"userId\":\"u\",\"patientId\":\"Patient/\"}", ""), PATIENT_VIEW));
        assertEquals("context.patientId must be a FHIR id, as 123 or Patient/123", rejection(request("patient-view",
                "{\"userId\":\"u\",\"patientId\":\"1&_include=*\"}", ""), PATIENT_VIEW));
    }

    /** Each field the spec requires of fhirAuthorization, left out or mistyped in turn, is named in the 400. */
    @Test
    void fhirAuthorizationCarriesEveryFieldTheSpecRequires() {
        String context = "{\"userId\":\"u\",\"patientId\":\"1\"}";
        java.util.Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put("access_token", "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"s\",\"subject\":\"x\"");
        broken.put("token_type", "\"access_token\":\"t\",\"expires_in\":300,\"scope\":\"s\",\"subject\":\"x\"");
        broken.put("expires_in", "\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":\"300\","
                + "\"scope\":\"s\",\"subject\":\"x\"");
        broken.put("scope", "\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"subject\":\"x\"");
        broken.put("subject", "\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"s\"");
        broken.put("patient", "\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"s\","
                + "\"subject\":\"x\",\"patient\":7");
        broken.forEach((field, fields) -> assertTrue(rejection(request("patient-view", context,
                ",\"fhirServer\":\"https://ehr.example/fhir\",\"fhirAuthorization\":{" + fields + "}"), PATIENT_VIEW)
                .startsWith("fhirAuthorization." + field), field));
        String complete = "\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"s\","
                + "\"subject\":\"x\",\"patient\":\"7\"";
        assertEquals("s", HookRequestReader.read(request("patient-view", context,
                ",\"fhirServer\":\"https://ehr.example/fhir\",\"fhirAuthorization\":{" + complete + "}"),
                PATIENT_VIEW).scope(), "the control: all fields present");
        assertEquals("'fhirAuthorization' was sent without a 'fhirServer' it is for", rejection(request(
                "patient-view", context, ",\"fhirAuthorization\":{" + complete + "}"), PATIENT_VIEW));
    }

    @Test
    void refusesJsonNestedDeeperThanAnyRealRequest() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertTrue(rejection(request("patient-view", "{\"userId\":\"u\",\"patientId\":\"1\"}",
                ",\"extension\":" + deep), PATIENT_VIEW).startsWith("the request body is not valid JSON"));
    }
}
