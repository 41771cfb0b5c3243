package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.RecordedRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import static org.alliancecds.it.CdsAssertions.ANXIETY;
import static org.alliancecds.it.CdsAssertions.SEVERE_SYMPTOMS;
import static org.alliancecds.it.CdsAssertions.SUICIDE_RISK;
import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prefetch keys the EHR left out (or answered with an OperationOutcome) are fetched from its {@code fhirServer}: here
 * a real FHIR server on loopback that the Payara process calls over HTTP. Payara runs with a 3 s read timeout.
 */
@ExtendWith(ArquillianExtension.class)
class FhirServerFallbackIT {

    private static final String TOKEN = "it-fhir-access-token-5d1e";
    private static final String CLOSED_PORT = "http://127.0.0.1:1/fhir";
    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String PATIENT = Corpus.PHQ9_PATIENT;
    private static final int RESPONSES = 45;
    private static final int PAGE_SIZE = 10;
    // Loose functional bound: well under the slow server's delay, far above the 3 s read timeout and the 4 s budget.
    private static final Duration FAST = Duration.ofSeconds(15);
    private static final Duration SLOWER_THAN_FAST = Duration.ofSeconds(30);

    private static FhirTestServer fhir;

    @ArquillianResource
    private URL deployment;

    private CdsClient client;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startFhirServer() {
        fhir = FhirTestServer.startAt(ItFhirPort.allowed());
    }

    @AfterAll
    static void stopFhirServer() {
        fhir.close();
    }

    @BeforeEach
    void reset() {
        fhir.healthy().clear().resetRequests().pageSize(FhirTestServer.DEFAULT_PAGE_SIZE);
        client = new CdsClient(deployment);
    }

    @AfterEach
    void releaseDelayedRequests() {
        fhir.healthy();
    }

    @Test
    void missingPrefetchIsFetchedWithTheBearerToken() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        Reply reply = client.post(HOOK, HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json());
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(reply));
        List<RecordedRequest> requests = fhir.requests();
        assertFalse(requests.isEmpty());
        requests.forEach(request -> assertEquals("Bearer " + TOKEN, request.authorization(), request::toString));
        assertTrue(requests.stream().anyMatch(request -> request.pathAndQuery()
                .startsWith("/fhir/QuestionnaireResponse?patient=" + PATIENT)), requests::toString);
        assertTrue(requests.stream().anyMatch(request -> request.pathAndQuery()
                .startsWith("/fhir/Observation?patient=" + PATIENT)), requests::toString);
        // No rule reads demographics, so the Patient is never fetched.
        assertTrue(requests.stream().noneMatch(request -> request.pathAndQuery().startsWith("/fhir/Patient")));
    }

    @Test
    void aScopeThatCannotReadObservationsMeansNoFetch() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        ObjectNode call = HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json();
        ((ObjectNode) call.get("fhirAuthorization")).put("scope", "patient/QuestionnaireResponse.read");
        JsonNode issue = assertOperationOutcome(client.post(HOOK, call), 412);
        assertTrue(issue.path("diagnostics").asText().contains("scope does not allow reading Observation"),
                issue::toString);
        assertEquals(List.of(), fhir.requests(), "nothing fetched once the scope falls short");
    }

    @Test
    void typedPatientIdIsFetchedToo() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        ObjectNode call = HookRequest.patientView("Patient/" + PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json();
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post(HOOK, call)));
    }

    @Test
    void anOperationOutcomePrefetchIsFetchedInstead() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        ObjectNode call = HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN)
                .prefetch("responses", HookRequest.operationOutcome()).prefetchNull("observations")
                .prefetchNull("episodes").json();
        assertEquals(Set.of(SUICIDE_RISK, SEVERE_SYMPTOMS), topics(client.post(HOOK, call)));
        assertEquals(1, fhir.requests().size(), () -> fhir.requests().toString());
    }

    @Test
    void nullPrefetchMeansNoDataAndIsNotFetched() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        ObjectNode call = HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN)
                .prefetchNull("responses").prefetchNull("observations").prefetchNull("episodes").json();
        assertEquals(Set.of(), topics(client.post(HOOK, call)));
        assertEquals(List.of(), fhir.requests());
    }

    @Test
    void nullPrefetchNeedsNoFhirServer() {
        ObjectNode call = HookRequest.patientView(PATIENT).prefetchNull("responses").prefetchNull("observations")
                .json();
        assertEquals(Set.of(), topics(client.post(HOOK, call)));
    }

    @Test
    void noPrefetchAndNoFhirServerIsPreconditionFailed() {
        assertOperationOutcome(client.post(HOOK, HookRequest.patientView(PATIENT).json()), 412);
    }

    @Test
    void everyPageIsFetched() {
        // 44 unremarkable PHQ-9s and the only GAD-7, oldest and so on the last page: its card proves page 5 was read.
        // One a minute from midnight, all today: the GAD-7 too is current (rule base 2.0 reads no older score as
        // the patient now), and one day is one session, so no rule that counts sessions has anything to say.
        for (int minute = 1; minute < RESPONSES; minute++) {
            fhir.addJson(Phq9Responses.response("phq9-" + minute, PATIENT, LocalDate.now(), 0, 0)
                    .put("authored", todayAt(minute)).toString());
        }
        ObjectNode gad7 = Corpus.resource(Corpus.GAD7).put("authored", todayAt(0));
        gad7.putObject("subject").put("reference", "Patient/" + PATIENT);
        fhir.addJson(gad7.toString()).pageSize(PAGE_SIZE);
        assertEquals(Set.of(ANXIETY), topics(client.post(HOOK, responsesFetchedOnly())));
        assertPages(5);
    }

    @Test
    void newestPhq9DecidesAlthoughOlderOnesFollowOnLaterPages() {
        addPhq9s(RESPONSES);
        assertEquals(Set.of(SUICIDE_RISK), topics(client.post(HOOK, responsesFetchedOnly())));
        assertPages(5);
    }

    @Test
    void aPositiveItem9OnlyInTheOldestPhq9DoesNotFire() {
        addPhq9s(1);
        assertEquals(Set.of(), topics(client.post(HOOK, responsesFetchedOnly())));
        assertPages(5);
    }

    @Test
    void pagingStopsAtTheConfiguredLimit() {
        addPhq9s(RESPONSES);
        fhir.pageSize(2);
        assertEquals(Set.of(SUICIDE_RISK), topics(client.post(HOOK, responsesFetchedOnly())));
        assertEquals(20, fhir.requests().size(), "cds.fhir.max-pages defaults to 20");
    }

    @Test
    void aSlowFhirServerIsPreconditionFailedBeforeItAnswers() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9)).delay(SLOWER_THAN_FAST);
        Reply reply = client.post(HOOK, HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json());
        assertOperationOutcome(reply, 412);
        assertTrue(reply.elapsed().compareTo(FAST) < 0, () -> "took " + reply.elapsed());
    }

    @Test
    void aFailingFhirServerIsPreconditionFailed() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9)).failWith(500);
        Reply reply = client.post(HOOK, HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json());
        assertOperationOutcome(reply, 412);
        assertFalse(fhir.requests().isEmpty(), "the server was asked");
    }

    @Test
    void aFhirServerAnsweringGarbageIsPreconditionFailed() {
        fhir.addJson(Corpus.recentText(Corpus.PHQ9)).answerGarbage();
        Reply reply = client.post(HOOK, HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).json());
        assertOperationOutcome(reply, 412);
        assertFalse(fhir.requests().isEmpty(), "the server was asked");
    }

    @Test
    void anUnreachableFhirServerIsPreconditionFailedFast() {
        Reply reply = client.post(HOOK, HookRequest.patientView(PATIENT).fhirServer(CLOSED_PORT, TOKEN).json());
        assertOperationOutcome(reply, 412);
        assertTrue(reply.elapsed().compareTo(FAST) < 0, () -> "took " + reply.elapsed());
    }

    /** 45 PHQ-9s, one a day from day 1 (oldest) to day 45 (newest), all zeros but item 9 = 3 on {@code positiveDay}. */
    private static void addPhq9s(int positiveDay) {
        for (int day = 1; day <= RESPONSES; day++) {
            int item9 = day == positiveDay ? 3 : 0;
            fhir.addJson(Phq9Responses.response("phq9-" + day, PATIENT, dayOf(day), 0, item9).toString());
        }
        fhir.pageSize(PAGE_SIZE);
    }

    /** Today's date in this machine's zone (the service's), {@code minute} minutes after midnight. */
    private static String todayAt(int minute) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(LocalDate.now().atStartOfDay(ZoneId.systemDefault())
                .plusMinutes(minute).toOffsetDateTime());
    }

    private static LocalDate dayOf(int day) {
        return LocalDate.of(2025, 1, 1).plusDays(day);
    }

    /** Responses left to the FHIR server; the rest sent as "no data", so every request is a response page. */
    private ObjectNode responsesFetchedOnly() {
        return HookRequest.patientView(PATIENT).fhirServer(fhir.baseUrl(), TOKEN).prefetchNull("observations")
                .prefetchNull("episodes").json();
    }

    private static void assertPages(int pages) {
        List<String> requests = fhir.requests().stream().map(RecordedRequest::pathAndQuery).toList();
        assertEquals(pages, requests.size(), requests::toString);
        assertTrue(requests.get(0).startsWith("/fhir/QuestionnaireResponse?patient=" + PATIENT), requests::toString);
        assertTrue(requests.get(0).contains("_sort=-authored"), requests::toString);
        requests.subList(1, pages).forEach(next -> assertTrue(next.contains("_getpages="), next));
    }
}
