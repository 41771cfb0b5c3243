package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.alliancecds.fhir.scoring.TestProfiles;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.RecordedRequest;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prefetch as given, the rest from a real FHIR server over HTTP: paging, tokens, nulls, failures, forms. Timeouts are
 * generous (a loaded 2-core CI machine must not make a healthy fetch fail) and the slow server's delay far beyond
 * them, so that "too slow" is never a matter of milliseconds.
 */
class PatientRecordResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PrefetchQuery> QUERIES = PrefetchQueries.of(TestProfiles.catalog());
    private static FhirTestServer server;

    private static final int CONNECT_MS = 5000;
    private static final int READ_MS = 3000;
    private static final Duration FAR_TOO_SLOW = Duration.ofSeconds(30);

    private final PatientRecordResolver resolver = new PatientRecordResolver(new FhirResources(CONNECT_MS, READ_MS),
            20, 20_000, PatientRecordResolver.DEFAULT_BUDGET_BYTES);

    @BeforeAll
    static void startServer() {
        server = FhirTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.healthy().clear().resetRequests().pageSize(10);
    }

    private static DataRequest request(Map<String, JsonNode> prefetch, String fhirServer) {
        return new DataRequest("Patient/p1", Map.of("patientId", "Patient/p1", "userId", "u"), prefetch, fhirServer,
                "secret-token", "patient/*.read", loopback());
    }

    /** The test servers: on loopback, over http, both allowed explicitly (as the ITs' issuer allows its server). */
    static AllowedServers loopback() {
        return AllowedServers.parse(server.baseUrl() + " allow-http allow-private, "
                + "http://127.0.0.1:1/fhir allow-http allow-private");
    }

    private static Map<String, JsonNode> prefetch(String key, String json) {
        Map<String, JsonNode> prefetch = new HashMap<>();
        try {
            prefetch.put(key, json == null ? NullNode.getInstance() : JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return prefetch;
    }

    private static QuestionnaireResponse response(String id, String day) {
        return (QuestionnaireResponse) TestProfiles.parse("{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id
                + "\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},\"authored\":\"" + day
                + "\",\"questionnaire\":\"https://forms.example/Questionnaire/phq|3\",\"item\":[]}");
    }

    @Test
    void absentKeysAreFetchedAcrossPagesWithTheBearerToken() {
        for (int day = 1; day <= 25; day++) {
            server.add(response("r" + day, String.format("2026-01-%02d", day)));
        }
        PatientRecord record = resolver.resolve(request(Map.of(), server.baseUrl()), QUERIES);
        assertEquals(25, record.resources().size());
        assertEquals("p1", record.patientId());
        List<RecordedRequest> calls = server.requests();
        assertEquals(3 + 1 + 1, calls.size(), "three pages of responses, one of observations, one of episodes: "
                + calls);
        assertTrue(calls.stream().allMatch(call -> "Bearer secret-token".equals(call.authorization())));
        assertTrue(calls.get(0).pathAndQuery().startsWith("/fhir/QuestionnaireResponse?patient=p1&_sort=-authored"),
                calls.get(0).pathAndQuery());
    }

    @Test
    void nullMeansNoDataAndIsNotFetched() {
        Map<String, JsonNode> prefetch = prefetch("responses", null);
        prefetch.put("observations", NullNode.getInstance());
        prefetch.put("episodes", NullNode.getInstance());
        assertTrue(resolver.resolve(request(prefetch, server.baseUrl()), QUERIES).resources().isEmpty());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void anOperationOutcomeInPrefetchIsFetchedInstead() {
        server.add(response("r1", "2026-01-01"));
        Map<String, JsonNode> prefetch = prefetch("responses", "{\"resourceType\":\"OperationOutcome\",\"issue\":"
                + "[{\"severity\":\"error\",\"code\":\"timeout\"}]}");
        prefetch.put("observations", NullNode.getInstance());
        prefetch.put("episodes", NullNode.getInstance());
        assertEquals(1, resolver.resolve(request(prefetch, server.baseUrl()), QUERIES).resources().size());
    }

    @Test
    void episodesAreOptional() {
        Map<String, JsonNode> prefetch = prefetch("responses", null);
        prefetch.put("observations", NullNode.getInstance());
        assertTrue(resolver.resolve(request(prefetch, null), QUERIES).resources().isEmpty(),
                "no episodes and no server to ask: the call is still answered");
    }

    @Test
    void withoutAServerMissingDataIsUnavailable() {
        assertThrows(DataUnavailableException.class, () -> resolver.resolve(request(Map.of(), null), QUERIES));
    }

    @Test
    void aSlowFailingOrBabblingServerMakesDataUnavailable() {
        server.delay(FAR_TOO_SLOW);
        assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(request(Map.of(), server.baseUrl()), QUERIES));
        server.healthy().failWith(500);
        DataUnavailableException failed = assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(request(Map.of(), server.baseUrl()), QUERIES));
        assertEquals("could not fetch QuestionnaireResponse from the fhirServer: it answered HTTP 500",
                failed.detail());
        assertEquals(DataUnavailableException.FETCH_FAILED, failed.getMessage(), "the EHR is told no detail");
        server.healthy().answerGarbage();
        assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(request(Map.of(), server.baseUrl()), QUERIES));
    }

    @Test
    void aFailedFetchSaysWhatWentWrong() {
        assertEquals("could not fetch QuestionnaireResponse from the fhirServer: it could not be reached",
                unavailable("http://127.0.0.1:1/fhir"));
        server.delay(FAR_TOO_SLOW);
        assertEquals("could not fetch QuestionnaireResponse from the fhirServer: it did not answer within the timeout",
                unavailable(server.baseUrl()));
        server.healthy().answerGarbage();
        assertEquals("could not fetch QuestionnaireResponse from the fhirServer: its answer was not FHIR JSON",
                unavailable(server.baseUrl()));
        server.healthy().failWith(404);
        assertEquals("could not fetch QuestionnaireResponse from the fhirServer: it answered HTTP 404",
                unavailable(server.baseUrl()));
    }

    private String unavailable(String fhirServer) {
        return assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(request(responsesOnly(), fhirServer), QUERIES)).detail();
    }

    @Test
    void redirectsAreFollowedWithinTheAllowedServerOnly() {
        server.add(response("r1", "2026-01-01")).redirectTo(server.movedBaseUrl());
        assertEquals(1, resolver.resolve(request(responsesOnly(), server.baseUrl()), QUERIES).resources().size());
        try (FhirTestServer other = FhirTestServer.start()) {
            other.add(response("r1", "2026-01-01"));
            server.redirectTo(other.baseUrl().replace("127.0.0.1", "localhost"));
            DataUnavailableException refused = assertThrows(DataUnavailableException.class,
                    () -> resolver.resolve(request(responsesOnly(), server.baseUrl()), QUERIES));
            assertTrue(refused.detail().endsWith("it answered HTTP 302"), refused.detail());
            assertEquals(List.of(), other.requests(), "the bearer token went to another host");
        }
        server.resetRequests().redirectTo(server.baseUrl().replace("/fhir", "/moved"));
        DataUnavailableException outside = assertThrows(DataUnavailableException.class,
                () -> resolver.resolve(request(responsesOnly(), server.baseUrl()), QUERIES));
        assertTrue(outside.detail().endsWith("it answered HTTP 302"), outside.detail());
        assertTrue(server.requests().stream().noneMatch(call -> call.pathAndQuery().startsWith("/moved")),
                "same origin, but outside the allowed path: " + server.requests());
    }

    @Test
    void anAnswerOverTheSizeLimitMakesDataUnavailable() {
        PatientRecordResolver limited = new PatientRecordResolver(new FhirResources(CONNECT_MS, READ_MS, 100_000), 20);
        server.add(response("r1", "2026-01-01")).pad(50_000);
        assertEquals(1, limited.resolve(request(responsesOnly(), server.baseUrl()), QUERIES).resources().size());
        server.pad(100_001);
        DataUnavailableException refused = assertThrows(DataUnavailableException.class,
                () -> limited.resolve(request(responsesOnly(), server.baseUrl()), QUERIES));
        assertTrue(refused.detail().endsWith("its answer was larger than 100000 bytes"), refused.detail());
    }

    /** Responses to be fetched; observations and episodes sent as "no data". */
    private static Map<String, JsonNode> responsesOnly() {
        Map<String, JsonNode> prefetch = new HashMap<>();
        prefetch.put("observations", NullNode.getInstance());
        prefetch.put("episodes", NullNode.getInstance());
        return prefetch;
    }

    @Test
    void foreignFormsAreFetchedByCanonicalOnce() {
        Questionnaire form = new Questionnaire().setUrl("https://forms.example/Questionnaire/phq");
        form.setId("phq");
        server.add(form);
        Map<String, JsonNode> prefetch = prefetch("responses", "{\"resourceType\":\"Bundle\",\"type\":"
                + "\"searchset\",\"entry\":[{\"resource\":" + TestProfiles.FHIR.newJsonParser().encodeResourceToString(response("r1", "2026-01-01"))
                + "}]}");
        prefetch.put("observations", NullNode.getInstance());
        prefetch.put("episodes", NullNode.getInstance());
        Set<String> unknown = Set.of("https://forms.example/Questionnaire/phq|3");
        PatientRecord first = resolver.resolve(request(prefetch, server.baseUrl()), QUERIES, record -> unknown);
        PatientRecord second = resolver.resolve(request(prefetch, server.baseUrl()), QUERIES, record -> unknown);
        assertTrue(first.resources().get(1) instanceof Questionnaire);
        assertEquals(2, second.resources().size());
        assertEquals(1, server.requests().size(), "the second patient's form comes from the cache");
    }

    @Test
    void aReadableRecordNamesTheTypeTheServerRefusesAndKeepsTheRest() {
        server.smart().reset().registerClient("view", "https://cds.example.org/view/callback", null)
                .refuse("EpisodeOfCare");
        try {
            server.add(response("r1", "2026-01-01"));
            String token = server.smart().grantedToken("p1", "patient/*.rs");
            DataRequest request = new DataRequest("p1", Map.of("patientId", "p1"), Map.of(), server.baseUrl(), token,
                    "patient/*.rs", loopback());
            ReadableRecord readable = resolver.resolveReadable(request, QUERIES, record -> java.util.Set.of());
            assertEquals(List.of(new ReadableRecord.Unread("EpisodeOfCare", 403)), readable.unread());
            assertEquals("the FHIR server refused this read (403)", readable.unread().get(0).reason());
            assertEquals(List.of("QuestionnaireResponse/r1"), readable.record().resources().stream()
                    .map(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue()).toList());

            // a token the server refuses fails the whole read, with its status, so that the view can say "expired"
            server.smart().expireTokens();
            DataUnavailableException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    DataUnavailableException.class, () -> resolver.resolveReadable(request, QUERIES,
                            record -> java.util.Set.of()));
            assertEquals(401, refused.status());
        } finally {
            server.smart().reset();
        }
    }

    @Test
    void aReadableRecordDoesNotAskForATypeTheScopeCannotRead() {
        DataRequest request = new DataRequest("p1", Map.of("patientId", "p1"), Map.of(), server.baseUrl(), "t",
                "patient/QuestionnaireResponse.rs patient/Observation.rs", loopback());
        ReadableRecord readable = resolver.resolveReadable(request, QUERIES, record -> java.util.Set.of());
        assertEquals(List.of(new ReadableRecord.Unread("EpisodeOfCare", ReadableRecord.NOT_GRANTED)),
                readable.unread());
        assertTrue(server.requests().stream().noneMatch(sent -> sent.pathAndQuery().startsWith("/fhir/EpisodeOfCare")),
                server.requests()::toString);
    }
}
