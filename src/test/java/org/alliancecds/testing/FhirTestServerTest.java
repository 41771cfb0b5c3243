package org.alliancecds.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirTestServerTest {

    private static final String LOINC = "http://loinc.org";
    private static final Instant FIRST_AUTHORED = Instant.parse("2024-01-01T09:00:00Z");

    private static FhirTestServer server;
    private static FhirContext clientContext;
    private static IGenericClient client;

    @BeforeAll
    static void startServer() {
        server = FhirTestServer.start();
        clientContext = FhirContext.forR4();
        // Skip the /metadata probe so recorded requests are only the ones a test makes.
        clientContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = clientContext.newRestfulGenericClient(server.baseUrl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.healthy().clear().resetRequests().pageSize(FhirTestServer.DEFAULT_PAGE_SIZE);
    }

    @Test
    void baseUrlIsLoopbackWithEphemeralPort() {
        assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/fhir"), server.baseUrl());
    }

    @Test
    void pagesQuestionnaireResponsesNewestFirstFollowingNextLinks() {
        server.add(questionnaireResponses("p1", 25));
        server.add(questionnaireResponses("other", 3));

        Bundle page = client.search().forResource(QuestionnaireResponse.class)
                .where(QuestionnaireResponse.PATIENT.hasId("Patient/p1"))
                .sort().descending(QuestionnaireResponse.AUTHORED)
                .count(10)
                .returnBundle(Bundle.class).execute();

        assertEquals(25, page.getTotal());
        List<Integer> pageSizes = new ArrayList<>();
        List<Date> authored = new ArrayList<>();
        collect(page, pageSizes, authored);
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            page = client.loadPage().next(page).execute();
            collect(page, pageSizes, authored);
        }

        assertEquals(List.of(10, 10, 5), pageSizes);
        assertEquals(expectedAuthoredNewestFirst(25), authored);
    }

    @Test
    void defaultPageSizeAppliesWithoutCountAndBareSubjectIdMatches() {
        server.add(questionnaireResponses("p1", 25)).pageSize(7);

        Bundle page = client.search().byUrl("QuestionnaireResponse?subject=p1&_sort=-authored")
                .returnBundle(Bundle.class).execute();
        List<Integer> pageSizes = new ArrayList<>();
        List<Date> authored = new ArrayList<>();
        collect(page, pageSizes, authored);
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            page = client.loadPage().next(page).execute();
            collect(page, pageSizes, authored);
        }

        assertEquals(List.of(7, 7, 7, 4), pageSizes);
        assertEquals(expectedAuthoredNewestFirst(25), authored);
    }

    @Test
    void readsPatientById() {
        Patient patient = new Patient();
        patient.setId("p1");
        patient.addName(new HumanName().setFamily("Rivera").addGiven("Ana"));
        server.add(patient);

        Patient read = client.read().resource(Patient.class).withId("p1").execute();

        assertEquals("p1", read.getIdElement().getIdPart());
        assertEquals("Rivera", read.getNameFirstRep().getFamily());
        assertThrows(ResourceNotFoundException.class,
                () -> client.read().resource(Patient.class).withId("missing").execute());
    }

    @Test
    void searchesObservationsByCodeOrList() {
        server.add(observation("o1", "p1", LOINC, "72172-0"),
                observation("o2", "p1", LOINC, "44261-6"),
                observation("o3", "p1", LOINC, "8867-4"),
                observation("o4", "p2", LOINC, "72172-0"),
                observation("o5", "p1", "http://example.org/other", "72172-0"));

        Bundle bundle = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("p1"))
                .and(Observation.CODE.exactly().codings(new Coding(LOINC, "72172-0", null),
                        new Coding(LOINC, "44261-6", null)))
                .returnBundle(Bundle.class).execute();

        assertEquals(List.of("o1", "o2"), ids(bundle));
        assertTrue(server.requests().get(0).pathAndQuery()
                .contains("code=http://loinc.org|72172-0,http://loinc.org|44261-6"),
                server.requests().get(0).pathAndQuery());

        Bundle bareCode = client.search().byUrl("Observation?subject=Patient/p1&code=72172-0")
                .returnBundle(Bundle.class).execute();
        assertEquals(List.of("o1", "o5"), ids(bareCode));
    }

    @Test
    void readsAndFindsQuestionnaireByCanonicalUrl() {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId("wai");
        questionnaire.setUrl("http://example.org/Questionnaire/wai-sr");
        questionnaire.setVersion("1.0");
        server.add(questionnaire);

        Bundle byUrl = client.search().byUrl("Questionnaire?url=http://example.org/Questionnaire/wai-sr|1.0")
                .returnBundle(Bundle.class).execute();

        assertEquals(List.of("wai"), ids(byUrl));
        assertEquals("1.0", client.read().resource(Questionnaire.class).withId("wai").execute().getVersion());
    }

    @Test
    void loadsResourcesFromJson() {
        server.addJson("{\"resourceType\":\"Patient\",\"id\":\"j1\",\"gender\":\"female\"}");

        assertEquals("female", client.read().resource(Patient.class).withId("j1").execute()
                .getGender().toCode());
    }

    @Test
    void rejectsUnsupportedSortKey() {
        assertThrows(InvalidRequestException.class, () -> client.search()
                .byUrl("QuestionnaireResponse?patient=p1&_sort=status").returnBundle(Bundle.class).execute());
    }

    @Test
    void delayMakesClientReadTimeOut() {
        server.add(patient("p1")).delay(Duration.ofSeconds(10));
        FhirContext impatient = FhirContext.forR4();
        impatient.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        impatient.getRestfulClientFactory().setSocketTimeout(500);
        IGenericClient impatientClient = impatient.newRestfulGenericClient(server.baseUrl());

        long started = System.nanoTime();
        assertThrows(FhirClientConnectionException.class,
                () -> impatientClient.read().resource(Patient.class).withId("p1").execute());

        // Well under the server's 10 s delay, with room for a loaded machine: the 500 ms socket timeout is what ended it.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(6)) < 0,
                "client should give up at its socket timeout, not when the server answers");
        server.healthy();
        assertEquals("p1", impatientClient.read().resource(Patient.class).withId("p1").execute()
                .getIdElement().getIdPart());
    }

    @Test
    void failWithAnswersEveryRequestWithThatStatus() {
        server.add(patient("p1")).failWith(503);

        BaseServerResponseException failure = assertThrows(BaseServerResponseException.class,
                () -> client.read().resource(Patient.class).withId("p1").execute());

        assertEquals(503, failure.getStatusCode());
        server.healthy();
        assertNotNull(client.read().resource(Patient.class).withId("p1").execute());
    }

    @Test
    void answerGarbageSendsUnparseableFhirJson() {
        server.add(patient("p1")).answerGarbage();

        FhirClientConnectionException failure = assertThrows(FhirClientConnectionException.class,
                () -> client.read().resource(Patient.class).withId("p1").execute());

        assertTrue(failure.getMessage().contains("Failed to parse response"), failure.getMessage());
    }

    @Test
    void servesCapabilityStatementForClientsThatValidateTheServer() {
        server.add(patient("p1"));
        IGenericClient validating = FhirContext.forR4().newRestfulGenericClient(server.baseUrl());

        validating.read().resource(Patient.class).withId("p1").execute();

        assertEquals(List.of("/fhir/metadata", "/fhir/Patient/p1"),
                server.requests().stream().map(RecordedRequest::pathAndQuery).toList());
    }

    @Test
    void recordsBearerTokenAndUrls() {
        server.add(patient("p1"));
        IGenericClient authorized = clientContext.newRestfulGenericClient(server.baseUrl());
        authorized.registerInterceptor(new BearerTokenAuthInterceptor("secret-token"));

        authorized.read().resource(Patient.class).withId("p1").execute();
        client.read().resource(Patient.class).withId("p1").execute();

        List<RecordedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(new RecordedRequest("GET", "/fhir/Patient/p1", "Bearer secret-token"), requests.get(0));
        assertNull(requests.get(1).authorization());
        server.resetRequests();
        assertTrue(server.requests().isEmpty());
    }

    private static QuestionnaireResponse[] questionnaireResponses(String patientId, int count) {
        QuestionnaireResponse[] result = new QuestionnaireResponse[count];
        for (int i = 0; i < count; i++) {
            // Interleave insertion order so only a real sort yields newest-first.
            int day = (i * 7) % count;
            QuestionnaireResponse qr = new QuestionnaireResponse();
            qr.setId(patientId + "-qr-" + day);
            qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
            qr.setSubject(new Reference("Patient/" + patientId));
            qr.setAuthored(Date.from(FIRST_AUTHORED.plus(day, ChronoUnit.DAYS)));
            result[i] = qr;
        }
        return result;
    }

    private static List<Date> expectedAuthoredNewestFirst(int count) {
        List<Date> dates = new ArrayList<>();
        for (int day = count - 1; day >= 0; day--) {
            dates.add(Date.from(FIRST_AUTHORED.plus(day, ChronoUnit.DAYS)));
        }
        return dates;
    }

    private static void collect(Bundle page, List<Integer> pageSizes, List<Date> authored) {
        pageSizes.add(page.getEntry().size());
        page.getEntry().forEach(e -> authored.add(((QuestionnaireResponse) e.getResource()).getAuthored()));
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private static Patient patient(String id) {
        Patient patient = new Patient();
        patient.setId(id);
        return patient;
    }

    private static Observation observation(String id, String patientId, String system, String code) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setCode(new CodeableConcept(new Coding(system, code, null)));
        return observation;
    }
}
