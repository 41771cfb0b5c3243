package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.testing.HostileFhirServer;
import org.alliancecds.testing.RecordedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack suite of issue #12: an EHR (here the ITs' trusted one) names fhirServer URLs to make the service fetch
 * where it should not, hand its token on, or spend minutes. Against real HTTP servers on loopback: one on the port
 * the EHR's {@code fhir_servers} allow (over http, private addresses allowed, as trusted-issuers.json says), one on a
 * port nobody listed. The issuer's list also names servers it may not reach (loopback by name without
 * {@code allow_private}, 10.0.0.1 and 169.254.169.254 without it, an https-only entry): each is refused before any
 * connection, and every refusal and failure reads the same to the EHR. The service runs with the default budget
 * of 4 s and 20 MB per call.
 */
@ExtendWith(ArquillianExtension.class)
class SsrfIT {

    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String TOKEN = "it-ssrf-access-token-77c1";
    // "About the budget, not minutes": the budget is 4 s; the rest is slack for a loaded 2-core machine.
    private static final Duration ABOUT_THE_BUDGET = Duration.ofSeconds(20);

    private static HostileFhirServer allowed;
    private static HostileFhirServer notListed;

    @ArquillianResource
    private URL deployment;

    private CdsClient client;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startServers() {
        allowed = HostileFhirServer.startAt(ItFhirPort.allowed());
        notListed = HostileFhirServer.start();
    }

    @AfterAll
    static void stopServers() {
        allowed.close();
        notListed.close();
    }

    @BeforeEach
    void reset() {
        allowed.resetRequests().nextLinkTo(null);
        notListed.resetRequests().nextLinkTo(null);
        client = new CdsClient(deployment);
    }

    /** A call whose responses must be fetched from {@code server}; the rest sent as "no data". */
    private static ObjectNode fetching(String server) {
        return HookRequest.patientView("ssrf-1").fhirServer(server, TOKEN).prefetchNull("observations")
                .prefetchNull("episodes").json();
    }

    @Test
    void theAllowedServerIsFetchedFromWithTheToken() {
        Reply reply = client.post(HOOK, fetching(allowed.baseUrl()));
        assertEquals(200, reply.status(), reply::toString);
        List<RecordedRequest> requests = allowed.requests();
        assertEquals(1, requests.size(), requests::toString);
        assertEquals("Bearer " + TOKEN, requests.get(0).authorization());
    }

    @Test
    void everyRefusalIsOneGenericPreconditionFailedAndNothingIsAsked() {
        int port = ItFhirPort.allowed();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("not listed", notListed.baseUrl());
        refusals.put("outside the listed path", "http://127.0.0.1:" + port + "/other");
        refusals.put("http where the entry is https", "http://127.0.0.1:" + port + "/https-only");
        refusals.put("loopback by name, private not allowed", "http://localhost:" + port + "/loopback-not-allowed");
        refusals.put("private range, not allowed", "http://10.0.0.1:" + port + "/fhir");
        refusals.put("link-local metadata address, not allowed", "http://169.254.169.254/fhir");
        refusals.put("allowed, but nothing listens there", "http://127.0.0.1:1/fhir");
        refusals.forEach((what, server) -> {
            JsonNode issue = assertOperationOutcome(client.post(HOOK, fetching(server)), 412);
            assertEquals(DataUnavailableException.FETCH_FAILED, issue.path("diagnostics").asText(), what);
        });
        assertEquals(List.of(), allowed.requests(), "a refused server was asked");
        assertEquals(List.of(), notListed.requests(), "a server nobody listed was asked");
    }

    @Test
    void aNextLinkToAnotherOriginIsNotFollowedAndGetsNoToken() {
        allowed.nextLinkTo(notListed.baseUrl() + "/QuestionnaireResponse?page=2");
        JsonNode issue = assertOperationOutcome(client.post(HOOK, fetching(allowed.baseUrl())), 412);
        assertEquals(DataUnavailableException.FETCH_FAILED, issue.path("diagnostics").asText());
        assertEquals(1, allowed.requests().size(), () -> allowed.requests().toString());
        assertEquals(List.of(), notListed.requests(), "the other origin got the request, and the token");
    }

    @Test
    void aServerThatDripsItsAnswerIsCutAtTheBudget() {
        allowed.drip(500);
        Reply reply = client.post(HOOK, fetching(allowed.baseUrl()));
        JsonNode issue = assertOperationOutcome(reply, 412);
        assertEquals(DataUnavailableException.FETCH_FAILED, issue.path("diagnostics").asText());
        assertTrue(reply.elapsed().compareTo(ABOUT_THE_BUDGET) < 0, () -> "took " + reply.elapsed());
    }

    @Test
    void pagesBeyondTheByteBudgetArePreconditionFailed() {
        allowed.endlessPages(3_000_000);
        Reply reply = client.post(HOOK, fetching(allowed.baseUrl()));
        JsonNode issue = assertOperationOutcome(reply, 412);
        assertEquals(DataUnavailableException.FETCH_FAILED, issue.path("diagnostics").asText());
        assertTrue(allowed.requests().size() <= 7, () -> allowed.requests().size() + " pages of 3 MB read");
        assertTrue(reply.elapsed().compareTo(ABOUT_THE_BUDGET) < 0, () -> "took " + reply.elapsed());
    }
}
