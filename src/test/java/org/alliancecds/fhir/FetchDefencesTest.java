package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.alliancecds.fhir.scoring.TestProfiles;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.HostileFhirServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetch's defences against a fhirServer an EHR names (issue #12, items 1-3 and 15): the allow-list, addresses,
 * next links, the budget and the token's scope; each refusal beside a control that the same fetch, allowed, works.
 */
class FetchDefencesTest {

    private static final List<PrefetchQuery> QUERIES = PrefetchQueries.of(TestProfiles.catalog());
    private static final String ALL_READ = "patient/*.read";
    // Generous: the budget is 2 s; a loaded machine may add seconds, but not the minutes an unbounded fetch takes.
    private static final Duration WELL_WITHIN = Duration.ofSeconds(15);
    private static FhirTestServer fhir;
    private static HostileFhirServer hostile;
    private static HostileFhirServer elsewhere;

    private final PatientRecordResolver resolver = new PatientRecordResolver(new FhirResources(5000, 3000), 20,
            2000, 200_000);

    @BeforeAll
    static void start() {
        fhir = FhirTestServer.start();
        hostile = HostileFhirServer.start();
        elsewhere = HostileFhirServer.start();
    }

    @AfterAll
    static void stop() {
        fhir.close();
        hostile.close();
        elsewhere.close();
    }

    @BeforeEach
    void reset() {
        fhir.healthy().clear().resetRequests();
        hostile.resetRequests();
        elsewhere.resetRequests().nextLinkTo(null);
    }

    private static DataRequest request(String fhirServer, String scope, String allowed) {
        Map<String, JsonNode> prefetch = new HashMap<>();
        prefetch.put("observations", NullNode.getInstance());
        prefetch.put("episodes", NullNode.getInstance());
        return new DataRequest("p1", Map.of("patientId", "p1"), prefetch, fhirServer, "secret-token", scope,
                AllowedServers.parse(allowed));
    }

    private DataUnavailableException refused(DataRequest request) {
        return assertThrows(DataUnavailableException.class, () -> resolver.resolve(request, QUERIES));
    }

    @Test
    void aListedServerIsFetchedFrom() {
        resolver.resolve(request(fhir.baseUrl(), ALL_READ, fhir.baseUrl() + " allow-http allow-private"), QUERIES);
        assertEquals(1, fhir.requests().size());
    }

    @Test
    void aServerNotListedIsRefusedWithTheGenericTextAndNeverAsked() {
        DataUnavailableException refused = refused(request(fhir.baseUrl(), ALL_READ, ""));
        assertEquals(DataUnavailableException.FETCH_FAILED, refused.getMessage());
        assertTrue(refused.detail().contains("not on the caller's list"), refused.detail());
        assertEquals(List.of(), fhir.requests());
    }

    @Test
    void aPathOutsideTheListedPrefixIsRefused() {
        String listed = fhir.baseUrl() + "/tenant-a allow-http allow-private";
        assertEquals(DataUnavailableException.FETCH_FAILED, refused(request(fhir.baseUrl(), ALL_READ, listed))
                .getMessage());
        assertEquals(DataUnavailableException.FETCH_FAILED, refused(request(fhir.baseUrl() + "/tenant-ab", ALL_READ,
                listed)).getMessage());
        assertEquals(List.of(), fhir.requests());
    }

    @Test
    void httpIsRefusedWhereTheEntryIsHttps() {
        String https = fhir.baseUrl().replace("http:", "https:") + " allow-private";
        assertEquals(DataUnavailableException.FETCH_FAILED, refused(request(fhir.baseUrl(), ALL_READ, https))
                .getMessage());
        assertEquals(List.of(), fhir.requests());
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedBeforeAnyConnectionUnlessAllowed() {
        DataUnavailableException loopback = refused(request(fhir.baseUrl(), ALL_READ,
                fhir.baseUrl() + " allow-http"));
        assertTrue(loopback.detail().contains("non-public address 127.0.0.1"), loopback.detail());
        assertEquals(List.of(), fhir.requests(), "refused before connecting");
        for (String privateBase : List.of("http://10.0.0.1:9/fhir", "http://169.254.169.254/fhir",
                "http://[::ffff:192.168.1.1]:9/fhir", "http://[fd00::1]:9/fhir", "http://0.0.0.0:9/fhir")) {
            long start = System.nanoTime();
            DataUnavailableException refused = refused(request(privateBase, ALL_READ, privateBase + " allow-http"));
            assertTrue(refused.detail().contains("non-public address"), refused.detail());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(WELL_WITHIN) < 0);
        }
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowedAndGetsNoToken() {
        hostile.nextLinkTo(elsewhere.baseUrl() + "/QuestionnaireResponse?page=2");
        DataUnavailableException refused = refused(request(hostile.baseUrl(), ALL_READ,
                hostile.baseUrl() + " allow-http allow-private"));
        assertTrue(refused.detail().contains("next link leads outside"), refused.detail());
        assertEquals(1, hostile.requests().size());
        assertEquals(List.of(), elsewhere.requests());
    }

    @Test
    void aNextLinkWithinTheServerIsFollowed() {
        hostile.nextLinkTo(hostile.baseUrl() + "/QuestionnaireResponse?page=2");
        resolver.resolve(request(hostile.baseUrl(), ALL_READ, hostile.baseUrl() + " allow-http allow-private"),
                QUERIES);
        assertEquals(20, hostile.requests().size(), "the page limit ends an endless search");
        hostile.requests().forEach(call -> assertEquals("Bearer secret-token", call.authorization()));
    }

    @Test
    void aServerThatDripsBytesIsCutAtTheBudget() {
        hostile.drip(200);
        long start = System.nanoTime();
        DataUnavailableException refused = refused(request(hostile.baseUrl(), ALL_READ,
                hostile.baseUrl() + " allow-http allow-private"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(DataUnavailableException.FETCH_FAILED, refused.getMessage());
        assertTrue(refused.detail().contains("budget of 2000 ms"), refused.detail());
        assertTrue(took.compareTo(WELL_WITHIN) < 0, "took " + took);
    }

    /** TLS is layered over the deadline socket: a server that takes the connection and never shakes hands. */
    @Test
    void aTlsServerThatNeverAnswersTheHandshakeIsCutAtTheBudget() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            String base = "https://127.0.0.1:" + silent.getLocalPort() + "/fhir";
            long start = System.nanoTime();
            DataUnavailableException refused = refused(request(base, ALL_READ, base + " allow-private"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(refused.detail().contains("budget of 2000 ms"), refused.detail());
            assertTrue(took.compareTo(WELL_WITHIN) < 0, "took " + took);
        }
    }

    @Test
    void pagesBeyondTheByteBudgetAreRefused() {
        hostile.endlessPages(50_000);
        DataUnavailableException refused = refused(request(hostile.baseUrl(), ALL_READ,
                hostile.baseUrl() + " allow-http allow-private"));
        assertTrue(refused.detail().contains("budget of 200000 bytes"), refused.detail());
        assertTrue(hostile.requests().size() <= 5, () -> hostile.requests().size() + " pages");
    }

    @Test
    void aScopeThatCannotReadResponsesMeansNoFetch() {
        String allowed = fhir.baseUrl() + " allow-http allow-private";
        DataUnavailableException refused = refused(request(fhir.baseUrl(), "patient/Observation.read", allowed));
        assertTrue(refused.getMessage().contains("scope does not allow reading QuestionnaireResponse"),
                refused.getMessage());
        assertEquals(List.of(), fhir.requests());
        Map<String, JsonNode> responsesAndObservations = new HashMap<>();
        responsesAndObservations.put("episodes", NullNode.getInstance());
        DataUnavailableException partly = assertThrows(DataUnavailableException.class, () -> resolver.resolve(
                new DataRequest("p1", Map.of("patientId", "p1"), responsesAndObservations, fhir.baseUrl(), "t",
                        "patient/QuestionnaireResponse.read", AllowedServers.parse(allowed)), QUERIES));
        assertTrue(partly.getMessage().contains("does not allow reading Observation"), partly.getMessage());
        assertEquals(List.of(), fhir.requests(), "not even the responses it could read: the call cannot be answered");
        for (String enough : List.of("user/QuestionnaireResponse.read", "patient/QuestionnaireResponse.rs",
                "patient/*.*", "launch openid user/*.read")) {
            resolver.resolve(request(fhir.baseUrl(), enough, allowed), QUERIES);
        }
        assertEquals(4, fhir.requests().size());
    }
}
