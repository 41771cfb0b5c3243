package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.HookRequest.ENCOUNTER_START;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests the service must refuse, each with its status and an OperationOutcome that shows no internals; and every
 * request of the third-party corpus, with the status it must get.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorResponseIT {

    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String FEEDBACK = HOOK + "/feedback";
    // Requests that name a fhirServer get this closed loopback port instead, so no call leaves the machine.
    private static final String CLOSED_PORT = "http://127.0.0.1:1/fhir";

    private static final String NO_HOOK = "'hook' is required and must be a non-empty string";

    /** Every file of corpus/cds-hooks and what posting it to the patient-view service must answer. */
    private static final Map<String, Refusal> CORPUS_STATUS = Map.ofEntries(
            // patient-view with a Patient prefetch only: responses must be fetched, and the token's scope (Patient
            // only) cannot read them, so nothing is fetched.
            entry("cds-hooks-docs-spec-patient-view-request-with-prefetch.json",
                    new Refusal(412, "fhirAuthorization.scope does not allow reading QuestionnaireResponse")),
            entry("cds-hooks-docs-spec-patient-view-request-extension-no-patientId.json",
                    new Refusal(400, "context.patientId is required by hook patient-view")),
            // hook "Hook Name", no hookInstance.
            entry("hapi-fhir-CdsServiceRequestJson-null-prefetch.json", new Refusal(400, "not 'Hook Name'")),
            // order-sign is not our hook.
            entry("davinci-crd-order-sign-request-with-prefetch.json", new Refusal(400, "not 'order-sign'")),
            // Prefetch fragments and discovery documents are not requests at all.
            entry("cds-hooks-docs-spec-prefetch-data-fragment.json", new Refusal(400, NO_HOOK)),
            entry("hl7-cds-hooks-2x-prefetch-data-fragment-user-bundle.json", new Refusal(400, NO_HOOK)),
            entry("cds-hooks-docs-spec-discovery-response.json", new Refusal(400, NO_HOOK)),
            entry("davinci-crd-discovery-incl-encounter-start.json", new Refusal(400, NO_HOOK)),
            entry("sandbox-cds-services-discovery.json", new Refusal(400, "the request body must be a JSON object")));

    /** The status a request must get, and what its diagnostics must say. */
    private record Refusal(int status, String diagnostics) {
    }

    @ArquillianResource
    private URL deployment;

    private CdsClient client;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void client() {
        client = new CdsClient(deployment);
    }

    @Test
    void malformedJsonIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, "{\"hook\": \"patient-view\", ", CdsClient.JSON), 400,
                "the request body is not valid JSON");
    }

    @Test
    void contentAfterTheJsonObjectIsBadRequest() {
        // A JSON text is one value; "{...} xyz" or two objects in a row are malformed.
        assertOperationOutcome(client.post(HOOK, valid().json() + " xyz", CdsClient.JSON), 400,
                "the request body is not valid JSON");
        assertOperationOutcome(client.post(HOOK, valid().json() + " {}", CdsClient.JSON), 400,
                "the request body is not valid JSON");
    }

    @Test
    void anEmptyBodyIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, "", CdsClient.JSON), 400, "the request body is empty");
    }

    @Test
    void aHookTheServiceDoesNotAnswerIsBadRequest() {
        assertOperationOutcome(client.post("cds-services/" + ENCOUNTER_START, valid().json()), 400,
                "service " + ENCOUNTER_START + " answers hook 'encounter-start', not 'patient-view'");
        ObjectNode encounterStart = HookRequest.encounterStart("example", "enc-1").json();
        assertOperationOutcome(client.post(HOOK, encounterStart), 400,
                "service " + PATIENT_VIEW + " answers hook 'patient-view', not 'encounter-start'");
    }

    @Test
    void missingContextIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, valid().without("context").json()), 400,
                "'context' is required and must be an object");
    }

    @Test
    void missingHookInstanceIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, valid().without("hookInstance").json()), 400,
                "'hookInstance' is required and must be a non-empty string");
    }

    @Test
    void aPatientIdThatNamesNoPatientIsBadRequest() {
        // "Patient/" has no id: fetching for it would search the EHR with an empty patient parameter.
        ObjectNode call = HookRequest.patientView("Patient/").prefetchNull("responses").prefetchNull("observations")
                .json();
        assertOperationOutcome(client.post(HOOK, call), 400, "context.patientId must be a FHIR id");
    }

    @Test
    void encounterStartWithoutEncounterIdIsBadRequest() {
        ObjectNode call = HookRequest.encounterStart("example", "enc-1").prefetchNull("responses")
                .prefetchNull("observations").json();
        ((ObjectNode) call.get("context")).remove("encounterId");
        assertOperationOutcome(client.post("cds-services/" + ENCOUNTER_START, call), 400,
                "context.encounterId is required by hook encounter-start");
    }

    @Test
    void aPrefetchValueThatIsNotFhirIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, valid().prefetch("responses", TextNode.valueOf("abc")).json()), 400,
                "prefetch 'responses'");
        ObjectNode nonsense = Reply.MAPPER.createObjectNode().put("resourceType", "Nonsense");
        assertOperationOutcome(client.post(HOOK, valid().prefetch("responses", nonsense).json()), 400,
                "prefetch 'responses'");
    }

    @Test
    void anUnknownServiceIsNotFound() {
        assertOperationOutcome(client.post("cds-services/no-such-service", valid().json()), 404,
                "no CDS service 'no-such-service' here");
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsUnsupported() {
        assertOperationOutcome(client.post(HOOK, valid().json().toString(), "text/plain"), 415,
                "Unsupported Media Type");
    }

    @Test
    void anUnknownPathIsNotFound() {
        assertOperationOutcome(client.get("no/such/path"), 404, "Not Found");
        assertOperationOutcome(client.get("cds-services/" + PATIENT_VIEW + "/no-such-thing"), 404, "Not Found");
    }

    @Test
    void getOnAServiceIsMethodNotAllowed() {
        assertOperationOutcome(client.get(HOOK), 405, "Method Not Allowed");
    }

    @Test
    void feedbackWithoutItemsIsBadRequest() {
        assertOperationOutcome(client.post(FEEDBACK, Reply.MAPPER.createObjectNode()), 400,
                "'feedback' is required and must be a non-empty array");
        assertOperationOutcome(client.post(FEEDBACK, Feedback.of()), 400,
                "'feedback' is required and must be a non-empty array");
    }

    @Test
    void feedbackWithAnUnknownOutcomeIsBadRequest() {
        ObjectNode item = Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "ignored");
        assertOperationOutcome(client.post(FEEDBACK, Feedback.of(item)), 400,
                "feedback[0].outcome must be accepted or overridden, not 'ignored'");
    }

    @Test
    void feedbackWithABadTimestampIsBadRequest() {
        ObjectNode item = Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "accepted")
                .put("outcomeTimestamp", "yesterday afternoon");
        assertOperationOutcome(client.post(FEEDBACK, Feedback.of(item)), 400,
                "feedback[0].outcomeTimestamp must be an ISO 8601 date-time with offset");
    }

    @Test
    void feedbackForAnUnknownServiceIsNotFound() {
        ObjectNode item = Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "accepted");
        assertOperationOutcome(client.post("cds-services/no-such-service/feedback", Feedback.of(item)), 404,
                "no CDS service 'no-such-service' here");
    }

    @Test
    void everyCorpusFileHasAnExpectedStatus() {
        assertEquals(Corpus.files("cds-hooks"), CORPUS_STATUS.keySet().stream().sorted().toList());
    }

    @Test
    void everyCorpusRequestGetsItsStatus() {
        List<Executable> checks = new ArrayList<>();
        CORPUS_STATUS.forEach((file, refusal) -> checks.add(() -> {
            JsonNode request = Corpus.json("cds-hooks/" + file);
            if (request.has("fhirServer")) {
                ((ObjectNode) request).put("fhirServer", CLOSED_PORT);
            }
            Reply reply = client.post(HOOK, request);
            assertEquals(refusal.status(), reply.status(), () -> file + ": " + reply);
            assertOperationOutcome(reply, refusal.status(), refusal.diagnostics());
        }));
        assertAll(checks);
    }

    /** A valid patient-view call, with no data to fetch. */
    private static HookRequest valid() {
        return HookRequest.patientView("example").prefetchNull("responses").prefetchNull("observations");
    }
}
