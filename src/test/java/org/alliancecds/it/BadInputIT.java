package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.testing.FhirTestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.alliancecds.it.CdsAssertions.SEVERE_SYMPTOMS;
import static org.alliancecds.it.CdsAssertions.SUICIDE_RISK;
import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input suite: hostile or broken requests, and hostile or broken FHIR servers, each answered with its
 * proper status and an OperationOutcome, never a 500. Payara runs with a 5 MB request limit (the default), a 10 MB
 * limit on a FHIR server's answer (the default) and a 3 s read timeout (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String FEEDBACK = HOOK + "/feedback";
    private static final long REQUEST_LIMIT = 5L * 1024 * 1024;
    private static final long ANSWER_LIMIT = 10L * 1024 * 1024;
    private static final String CLOSED_PORT = "http://127.0.0.1:1/fhir";
    private static final String PATIENT = Corpus.PHQ9_PATIENT;
    private static final String TOKEN = "it-fhir-access-token-9a4c";
    // Loose functional bound: well under the slow server's delay, far above the 3 s read timeout and the 4 s budget.
    private static final Duration FAST = Duration.ofSeconds(15);
    private static final Duration SLOWER_THAN_FAST = Duration.ofSeconds(30);
    private static final String NOT_JSON = "the request body is not valid JSON";
    private static final String NO_FEEDBACK = "'feedback' is required and must be a non-empty array";

    private static FhirTestServer fhir;
    private static FhirTestServer elsewhere;

    @ArquillianResource
    private URL deployment;

    private CdsClient client;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startFhirServers() {
        fhir = FhirTestServer.startAt(ItFhirPort.allowed());
        elsewhere = FhirTestServer.start();
    }

    @AfterAll
    static void stopFhirServers() {
        fhir.close();
        elsewhere.close();
    }

    @BeforeEach
    void reset() {
        // as of today, so that a fetch that worked gives the cards of a current PHQ-9 (rule base 2.0)
        fhir.healthy().clear().resetRequests().addJson(Corpus.recentText(Corpus.PHQ9));
        elsewhere.healthy().clear().resetRequests().addJson(Corpus.recentText(Corpus.PHQ9));
        client = new CdsClient(deployment);
    }

    @Test
    void malformedJsonIsBadRequest() {
        for (String body : List.of("{", "{\"hook\": }", "{'hook': 'patient-view'}", "{\"hook\": NaN}", "[1,]")) {
            assertOperationOutcome(client.post(HOOK, body, CdsClient.JSON), 400, NOT_JSON);
            assertOperationOutcome(client.post(FEEDBACK, body, CdsClient.JSON), 400, NOT_JSON);
        }
    }

    @Test
    void jsonThatIsNoObjectIsBadRequest() {
        for (String body : List.of("[]", "\"patient-view\"", "42", "null", "true")) {
            assertOperationOutcome(client.post(HOOK, body, CdsClient.JSON), 400,
                    "the request body must be a JSON object");
            assertOperationOutcome(client.post(FEEDBACK, body, CdsClient.JSON), 400, NO_FEEDBACK);
        }
    }

    @Test
    void deeplyNestedJsonIsBadRequest() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        String body = "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"extension\":" + nested + "}";
        assertOperationOutcome(client.post(HOOK, body, CdsClient.JSON), 400, "nesting depth");
        String objects = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        assertOperationOutcome(client.post(FEEDBACK, "{\"feedback\":" + objects + "}", CdsClient.JSON), 400,
                "nesting depth");
    }

    @Test
    void absurdNumbersAndNamesAreBadRequest() {
        ObjectNode call = valid().json();
        String longNumber = "{\"hook\":\"patient-view\",\"n\":" + "9".repeat(5000) + "}";
        assertOperationOutcome(client.post(HOOK, longNumber, CdsClient.JSON), 400, "Number value length");
        String longName = call.toString().replaceFirst("\\{", "{\"" + "k".repeat(5000) + "\":1,");
        assertOperationOutcome(client.post(HOOK, longName, CdsClient.JSON), 400, "Name length");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String head = head("Content-Length: " + (REQUEST_LIMIT * 20));
        Reply reply = RawHttp.send(client.root(), head,
                out -> out.write("{\"hook\":\"patient-view\"".getBytes(StandardCharsets.UTF_8)));
        assertTooLarge(reply);
        assertTrue(reply.elapsed().compareTo(FAST) < 0, () -> "took " + reply.elapsed());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() {
        Reply reply = RawHttp.send(client.root(), head("Transfer-Encoding: chunked"), out -> {
            RawHttp.chunk(out, "{\"hook\":\"patient-view\",\"padding\":\"");
            String block = "x".repeat(64 * 1024);
            for (long sent = 0; sent <= REQUEST_LIMIT + block.length(); sent += block.length()) {
                RawHttp.chunk(out, block);
            }
            RawHttp.chunk(out, "\"}");
            RawHttp.lastChunk(out);
        });
        assertTooLarge(reply);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAnswered() {
        byte[] call = valid().json().toString().getBytes(StandardCharsets.UTF_8);
        Reply reply = RawHttp.send(client.root(), head("Transfer-Encoding: chunked"), out -> {
            RawHttp.chunk(out, new String(call, 0, 10, StandardCharsets.UTF_8));
            RawHttp.chunk(out, new String(call, 10, call.length - 10, StandardCharsets.UTF_8));
            RawHttp.lastChunk(out);
        });
        assertEquals(200, reply.status(), reply::toString);
    }

    private static void assertTooLarge(Reply reply) {
        JsonNode issue = assertOperationOutcome(reply, 413);
        assertTrue(issue.path("diagnostics").asText().contains("larger than the limit of " + REQUEST_LIMIT),
                issue::toString);
    }

    @Test
    void aLargePrefetchWithinTheLimitIsAnswered() {
        List<JsonNode> responses = new ArrayList<>();
        for (int day = 0; day < 2500; day++) {
            responses.add(Phq9Responses.response("phq9-" + day, PATIENT, LocalDate.of(2018, 1, 1).plusDays(day), 0,
                    0));
        }
        // today, so that it describes the patient now (rule base 2.0); the 2500 before it are history
        responses.add(Phq9Responses.response("phq9-latest", PATIENT, LocalDate.now(), 3, 3));
        ObjectNode call = HookRequest.patientView(PATIENT).prefetch("responses", HookRequest.searchset(responses))
                .prefetchNull("observations").json();
        int size = call.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(size > 2 * 1024 * 1024 && size < REQUEST_LIMIT, () -> size + " bytes");
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post(HOOK, call)));
    }

    @Test
    void wrongTypesAreBadRequest() {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        wrong.put("context", TextNode.valueOf("patient example"));
        wrong.put("prefetch", Reply.MAPPER.createArrayNode().add(1));
        wrong.put("hookInstance", IntNode.valueOf(42));
        wrong.put("hook", IntNode.valueOf(1));
        wrong.put("fhirServer", IntNode.valueOf(8080));
        wrong.put("fhirAuthorization", TextNode.valueOf("Bearer abc"));
        List<Executable> checks = new ArrayList<>();
        // the diagnostics name the field that is wrong
        wrong.forEach((field, value) -> checks.add(() -> {
            ObjectNode call = valid().json();
            call.set(field, value);
            assertOperationOutcome(client.post(HOOK, call), 400, "'" + field + "'");
        }));
        checks.add(() -> {
            ObjectNode call = valid().json();
            ((ObjectNode) call.get("context")).put("patientId", 123);
            assertOperationOutcome(client.post(HOOK, call), 400, "context.patientId is required");
        });
        checks.add(() -> assertOperationOutcome(client.post(FEEDBACK,
                Reply.MAPPER.createObjectNode().put("feedback", "accepted")), 400, NO_FEEDBACK));
        checks.add(() -> assertOperationOutcome(client.post(FEEDBACK,
                Feedback.of().set("feedback", Reply.MAPPER.createArrayNode().add(7))), 400,
                "feedback[0].card is required"));
        assertAll(checks);
    }

    @Test
    void missingContextIsBadRequest() {
        assertOperationOutcome(client.post(HOOK, valid().without("context").json()), 400,
                "'context' is required and must be an object");
    }

    @Test
    void anUnknownHookOrServiceIsRefused() {
        ObjectNode orderSign = valid().json().put("hook", "order-sign");
        assertOperationOutcome(client.post(HOOK, orderSign), 400, "answers hook 'patient-view', not 'order-sign'");
        assertOperationOutcome(client.post("cds-services/no-such-service", valid().json()), 404,
                "no CDS service 'no-such-service' here");
    }

    @Test
    void aFhirServerThatIsDownIsPreconditionFailed() {
        assertOperationOutcome(client.post(HOOK, fetching(CLOSED_PORT)), 412);
    }

    @Test
    void aSlowFhirServerIsPreconditionFailedInTime() {
        fhir.delay(SLOWER_THAN_FAST);
        Reply reply = client.post(HOOK, fetching(fhir.baseUrl()));
        assertOperationOutcome(reply, 412);
        assertTrue(reply.elapsed().compareTo(FAST) < 0, () -> "took " + reply.elapsed());
    }

    @Test
    void aFhirServerAnsweringGarbageIsPreconditionFailed() {
        fhir.answerGarbage();
        assertOperationOutcome(client.post(HOOK, fetching(fhir.baseUrl())), 412);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        fhir.redirectTo(elsewhere.baseUrl().replace("127.0.0.1", "localhost"));
        assertOperationOutcome(client.post(HOOK, fetching(fhir.baseUrl())), 412);
        assertEquals(List.of(), elsewhere.requests(), "the other host got the request, and the token");
    }

    @Test
    void aRedirectWithinTheSameOriginIsFollowed() {
        fhir.redirectTo(fhir.movedBaseUrl());
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post(HOOK, fetching(fhir.baseUrl()))));
        assertTrue(fhir.requests().stream().anyMatch(request -> request.pathAndQuery().startsWith("/fhir/moved/")));
    }

    @Test
    void aFhirAnswerOverTheSizeLimitIsPreconditionFailed() {
        fhir.pad(ANSWER_LIMIT + 1);
        JsonNode issue = assertOperationOutcome(client.post(HOOK, fetching(fhir.baseUrl())), 412);
        // The size is in the service's log; the EHR gets the one text of every failed fetch (issue #12).
        assertEquals(DataUnavailableException.FETCH_FAILED, issue.path("diagnostics").asText(), issue::toString);
    }

    @Test
    void aFhirAnswerWithinTheSizeLimitCounts() {
        fhir.pad(1024 * 1024);
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post(HOOK, fetching(fhir.baseUrl()))));
    }

    /** A valid patient-view call, with no data to fetch. */
    private static HookRequest valid() {
        return HookRequest.patientView(PATIENT).prefetchNull("responses").prefetchNull("observations");
    }

    /** A call whose responses must be fetched from {@code server}; the rest is sent as "no data". */
    private static ObjectNode fetching(String server) {
        return HookRequest.patientView(PATIENT).fhirServer(server, TOKEN).prefetchNull("observations")
                .prefetchNull("episodes").json();
    }

    private String head(String lengthHeader) {
        return RawHttp.signedJsonPost(client, HOOK, lengthHeader);
    }
}
