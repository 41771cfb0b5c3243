package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.SmartAuthorization;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinician view's SMART App Launch against the test EHR over real HTTP: the EHR launch from a card's link to the
 * patient's JSON, the standalone launch, an authorization server on another host than the FHIR server, and every
 * refusal (PKCE, state, expired token, a FHIR server not allowed, an authorization server not registered for it), each
 * with its negative control. The EHR is the FHIR test server on the port the ITs' trusted issuer lists, with
 * its SMART authorization server; Payara runs with {@code cds.view.launch-url} under the public base URL.
 */
@ExtendWith(ArquillianExtension.class)
class ClinicianViewLaunchIT {

    private static final String LAUNCH_URL = CdsClient.PUBLIC_BASE + "/view/launch";
    private static final String CLIENT_ID = "alliance-cds-view";
    private static final String PATIENT = "view-p1";
    private static final String EMPTY_PATIENT = "view-empty";

    private static FhirTestServer ehr;
    private static FhirTestServer elsewhere;

    @ArquillianResource
    private URL deployment;

    private ViewBrowser browser;
    /** The view's redirect URI: {@code cds.view.redirect-uri} is a path, on the address the launch was called at. */
    private String redirectUri;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startEhr() {
        ehr = FhirTestServer.startAt(ItFhirPort.allowed());
        elsewhere = FhirTestServer.start();
    }

    @AfterAll
    static void stopEhr() {
        ehr.close();
        elsewhere.close();
    }

    @BeforeEach
    void reset() {
        ehr.healthy().clear().resetRequests();
        browser = new ViewBrowser(new CdsClient(deployment).root());
        redirectUri = browser.root().resolve("/view/callback").toString();
        ehr.smart().reset().registerClient(CLIENT_ID, redirectUri, null);
        elsewhere.resetRequests();
        seed(ehr, PATIENT, LocalDate.now());
    }

    /**
     * Three weekly-ish sessions: SRS 40, 37, 33 (a rupture, low now) and PHQ-9 16 then 24 (worse by 8, at least the
     * reliable change of 6: NOT-ON-TRACK).
     */
    static void seed(FhirTestServer server, String patient, LocalDate today) {
        server.addJson(srs("srs-1", patient, today.minusDays(21), 10, 10, 10, 10).toString(),
                srs("srs-2", patient, today.minusDays(14), 10, 9, 9, 9).toString(),
                srs("srs-3", patient, today.minusDays(2), 9, 8, 8, 8).toString(),
                Phq9Responses.response("phq-1", patient, today.minusDays(21), 2, 0).toString(),
                Phq9Responses.response("phq-3", patient, today.minusDays(2), 3, 0).toString());
    }

    private static ObjectNode srs(String id, String patient, LocalDate day, int... items) {
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("resourceType", "QuestionnaireResponse")
                .put("id", id).put("questionnaire", "https://alliance-cds.org/fhir/Questionnaire/srs")
                .put("status", "completed").put("authored", day + "T10:00:00Z");
        response.putObject("subject").put("reference", "Patient/" + patient);
        String[] linkIds = {"relationship", "goals-topics", "approach", "overall"};
        for (int index = 0; index < linkIds.length; index++) {
            ObjectNode item = response.withArray("item").addObject().put("linkId", linkIds[index]);
            item.putArray("answer").addObject().put("valueInteger", items[index]);
        }
        return response;
    }

    @Test
    void theSessionCookieIsTheViewsAloneAndKeptInAnotherSitesFrame() {
        String cookie = ViewBrowser.sessionCookie(browser.get(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)));
        List<String> attributes = List.of(cookie.split(";\\s*"));
        // only /view/ gets it, no script reads it; SameSite=None (which browsers take only with Secure) and
        // Partitioned keep it in the frame of an EHR on another site
        assertTrue(attributes.containsAll(List.of("Path=/view", "HttpOnly", "Secure", "SameSite=None",
                "Partitioned")), cookie);
    }

    /** Launch → authorization server → callback; answers the patient JSON's reply. */
    private HttpResponse<String> launchAndRead(String launchUrl) {
        String authorize = ViewBrowser.location(browser.get(launchUrl), 302);
        assertTrue(authorize.startsWith(ehr.baseUrl().replace("/fhir", "/auth/authorize")), authorize);
        String callback = ViewBrowser.location(browser.get(authorize), 302);
        assertTrue(callback.startsWith(redirectUri + "?code="), callback);
        assertEquals("/view/", ViewBrowser.location(browser.get(callback), 303));
        return browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient");
    }

    @Test
    void anEhrLaunchFromACardOpensThePatientsTrajectoryWithTheCardsAndTheirReasons() {
        HttpResponse<String> answer = launchAndRead(ehr.smart().launchUrl(LAUNCH_URL, PATIENT,
                "{\"rule\":\"NOT-ON-TRACK\"}"));
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        JsonNode view = ViewBrowser.json(answer);
        assertEquals(PATIENT, view.path("patient").path("id").asText());
        assertEquals("NOT-ON-TRACK", view.path("focus").asText());
        assertEquals(List.of(40.0, 37.0, 33.0), values(view.path("alliance"), "value"));
        assertEquals(0.825, view.path("alliance").get(2).path("normalised").asDouble(), 1e-9);
        assertEquals("srs.total.low", view.path("cuts").get(0).path("threshold").asText());
        assertEquals(36.0, view.path("cuts").get(0).path("value").asDouble());
        assertEquals(12, view.path("components").size(), view.path("components")::toString);
        JsonNode phq9 = view.path("symptoms").get(0);
        assertEquals("phq9.total", phq9.path("measure").asText());
        assertEquals(27.0, phq9.path("max").asDouble());
        assertEquals(10.0, phq9.path("caseness").asDouble());
        assertEquals(6.0, phq9.path("reliableChange").asDouble());
        assertEquals(16.0, phq9.path("baseline").path("value").asDouble());
        assertEquals(List.of(16.0, 24.0), values(phq9.path("points"), "value"));
        assertEquals(3, view.path("episodes").get(0).path("sessions").size());
        JsonNode notOnTrack = card(view, "NOT-ON-TRACK");
        assertTrue(notOnTrack.path("why").toString().contains("PHQ-9 total 24 on " + LocalDate.now().minusDays(2)),
                notOnTrack::toString);
        assertEquals(List.of(), values(view.path("unreadable"), "resourceType"));
        // the app proved the code with its PKCE verifier, and the token went nowhere but to the FHIR server
        assertEquals(List.of(new SmartAuthorization.TokenRequest("authorization_code", true, false, 200)),
                ehr.smart().tokenRequests());
        assertTrue(!answer.body().contains("token-"), "no token in the page's JSON");
    }

    @Test
    void aStandaloneLaunchPicksThePatientAndOpensOnTheOverview() {
        ehr.smart().standalonePatient(PATIENT);
        JsonNode view = ViewBrowser.json(launchAndRead(LAUNCH_URL + "?iss=" + ehr.baseUrl()));
        assertTrue(view.path("focus").isNull(), view::toString);
        assertEquals(3, view.path("alliance").size());
        assertTrue(ehr.smart().authorizeRequests().get(0).contains("launch%2Fpatient"),
                ehr.smart().authorizeRequests()::toString);
    }

    @Test
    void theAuthorizationServerRefusesATokenRequestWithoutTheVerifier() throws Exception {
        String authorize = ViewBrowser.location(browser.get(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)), 302);
        String callback = ViewBrowser.location(browser.get(authorize), 302);
        String code = callback.replaceAll(".*[?&]code=([^&]*).*", "$1");
        HttpResponse<String> without = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ehr.baseUrl().replace("/fhir", "/auth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT_ID
                        + "&code=" + code + "&redirect_uri=" + redirectUri)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, without.statusCode());
        assertTrue(without.body().contains("invalid_grant"), without::body);
        // the code is spent by the refused request: the view's own exchange of it is refused too, and says so
        HttpResponse<String> refused = browser.get(callback);
        assertEquals(502, refused.statusCode(), refused::body);
        assertEquals("token-refused", ViewBrowser.json(refused).path("problem").asText());
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedAndNoTokenIsAskedFor() {
        String authorize = ViewBrowser.location(browser.get(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)), 302);
        String callback = ViewBrowser.location(browser.get(authorize), 302);
        HttpResponse<String> forged = browser.get(callback.replace("state=", "state=forged"));
        assertEquals(400, forged.statusCode(), forged::body);
        assertEquals("state-mismatch", ViewBrowser.json(forged).path("problem").asText());
        assertEquals(List.of(), ehr.smart().tokenRequests());
        assertEquals(401, browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient").statusCode());
    }

    @Test
    void withoutALaunchTheApiSaysNoSession() {
        HttpResponse<String> answer = browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient");
        assertEquals(401, answer.statusCode());
        assertEquals("no-session", ViewBrowser.json(answer).path("problem").asText());
    }

    @Test
    void anExpiredTokenIsAClearMessageAndTheViewWorksUntilThen() throws Exception {
        assertEquals(200, launchAndRead(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)).statusCode());
        ehr.smart().expireTokens();
        HttpResponse<String> refused = browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient");
        assertEquals(401, refused.statusCode(), refused::body);
        assertEquals("expired", ViewBrowser.json(refused).path("problem").asText());
        assertTrue(ViewBrowser.json(refused).path("message").asText().contains("Open the view again"));

        // by expires_in: the view knows without asking the FHIR server
        ehr.smart().tokenLifetime(Duration.ofSeconds(2));
        browser = new ViewBrowser(browser.root());
        assertEquals(200, launchAndRead(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)).statusCode());
        Thread.sleep(2500);
        ehr.resetRequests();
        assertEquals("expired", ViewBrowser.json(browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient"))
                .path("problem").asText());
        assertEquals(List.of(), ehr.requests());
    }

    @Test
    void aRefusedTypeIsNamedAndTheRestIsShown() {
        ehr.smart().refuse("EpisodeOfCare");
        JsonNode view = ViewBrowser.json(launchAndRead(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)));
        assertEquals(List.of("EpisodeOfCare"), values(view.path("unreadable"), "resourceType"));
        assertTrue(view.path("unreadable").get(0).path("reason").asText().contains("403"));
        assertEquals(3, view.path("alliance").size());
    }

    @Test
    void aPatientWithNoDataIsAnEmptyView() {
        JsonNode view = ViewBrowser.json(launchAndRead(ehr.smart().launchUrl(LAUNCH_URL, EMPTY_PATIENT,
                "{\"rule\":\"NO-SUCH-RULE\"}")));
        assertEquals(EMPTY_PATIENT, view.path("patient").path("id").asText());
        assertTrue(view.path("focus").isNull());
        for (String list : List.of("alliance", "cuts", "components", "symptoms", "episodes", "cards", "unreadable")) {
            assertEquals(0, view.path(list).size(), list + ": " + view);
        }
    }

    @Test
    void aFhirServerNotAllowedIsRefusedAndGetsNoRequest() {
        HttpResponse<String> refused = browser.get(LAUNCH_URL + "?iss=" + elsewhere.baseUrl() + "&launch=x");
        assertEquals(403, refused.statusCode(), refused::body);
        assertEquals("iss-not-allowed", ViewBrowser.json(refused).path("problem").asText());
        assertEquals(List.of(), elsewhere.requests());
        // negative control: the allowed server is asked for its SMART configuration
        assertEquals(302, browser.get(LAUNCH_URL + "?iss=" + ehr.baseUrl() + "&launch=x").statusCode());
        assertTrue(ehr.requests().stream().anyMatch(request -> request.pathAndQuery()
                .equals("/fhir/.well-known/smart-configuration")), ehr.requests()::toString);
    }

    /**
     * The EHR's authorization server on another host than its FHIR server (the same test server under
     * {@code localhost}), as the ITs' trusted issuer registers it for the FHIR server: the browser is sent there and
     * the code exchanged there. The negative control names another server the issuer lists, but not as this FHIR
     * server's authorization server: refused before the browser goes anywhere.
     */
    @Test
    void anAuthorizationServerOnAnotherHostRegisteredForTheFhirServerIsUsed() {
        String authorization = "http://localhost:" + ItFhirPort.allowed();
        ehr.smart().authorizationOrigin(authorization);
        String authorize = ViewBrowser.location(browser.get(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null)), 302);
        assertTrue(authorize.startsWith(authorization + "/auth/authorize?"), authorize);
        String callback = ViewBrowser.location(browser.get(authorize), 302);
        assertEquals("/view/", ViewBrowser.location(browser.get(callback), 303));
        assertEquals(PATIENT, ViewBrowser.json(browser.get(CdsClient.PUBLIC_BASE + "/view/api/patient"))
                .path("patient").path("id").asText());
        assertEquals(1, ehr.smart().tokenRequests().size());

        ehr.smart().reset().registerClient(CLIENT_ID, redirectUri, null)
                .authorizationOrigin("http://127.0.0.1:" + ItFhirPort.allowedForHostile());
        HttpResponse<String> refused = browser.get(ehr.smart().launchUrl(LAUNCH_URL, PATIENT, null));
        assertEquals(502, refused.statusCode(), refused::body);
        assertEquals("smart-configuration", ViewBrowser.json(refused).path("problem").asText());
        assertEquals(List.of(), ehr.smart().authorizeRequests());
    }

    /** The cards of a real hook call for the seeded patient (the FHIR server wants no token while no app is). */
    private JsonNode hookCards() {
        ehr.smart().reset();
        Reply reply = new CdsClient(deployment).post("cds-services/" + PATIENT_VIEW,
                HookRequest.patientView(PATIENT).fhirServer(ehr.baseUrl(), "hook-token").json());
        return CdsAssertions.cards(reply);
    }

    private static JsonNode smartLink(JsonNode card) {
        for (JsonNode link : card.path("links")) {
            if ("smart".equals(link.path("type").asText())) {
                return link;
            }
        }
        throw new AssertionError("no smart link on " + card);
    }

    @Test
    void aCardsSmartLinkClickedOnTheEhrsCardPageOpensTheViewOnItsRule() {
        JsonNode link = smartLink(CdsAssertions.card(hookCards(), "NOT-ON-TRACK"));
        ehr.smart().registerClient(CLIENT_ID, redirectUri, null);
        HttpResponse<String> page = browser.get(ehr.smart().cardPageUrl(link.path("url").asText(),
                link.path("label").asText(), PATIENT, link.path("appContext").asText()));
        String href = page.body().replaceAll("(?s).*id=\"smart-link\" href=\"([^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        assertTrue(href.startsWith(LAUNCH_URL + "?iss="), page::body);
        JsonNode view = ViewBrowser.json(launchAndRead(href));
        assertEquals("NOT-ON-TRACK", view.path("focus").asText());
        assertEquals(PATIENT, view.path("patient").path("id").asText());
    }

    @Test
    void cardsOfTrajectoryRulesCarryTheSmartLinkWithTheirRule() {
        JsonNode cards = hookCards();
        JsonNode notOnTrack = CdsAssertions.card(cards, "NOT-ON-TRACK");
        JsonNode smart = smartLink(notOnTrack);
        assertEquals(LAUNCH_URL, smart.path("url").asText());
        assertEquals("{\"rule\":\"NOT-ON-TRACK\"}", smart.path("appContext").asText());
        assertEquals("Open the alliance and symptom trajectory", smart.path("label").asText());
        for (JsonNode card : cards) {
            if (card.path("source").path("topic").path("code").asText().equals("SEVERE-SYMPTOM-SENSITIVITY")) {
                assertTrue(card.path("links").findValues("appContext").isEmpty(), card::toString);
            }
        }
    }

    private static JsonNode card(JsonNode view, String rule) {
        for (JsonNode card : view.path("cards")) {
            if (card.path("rule").asText().equals(rule)) {
                return card;
            }
        }
        throw new AssertionError("no " + rule + " card in " + view.path("cards"));
    }

    private static List<Object> values(JsonNode array, String field) {
        List<Object> values = new ArrayList<>();
        array.forEach(entry -> values.add(entry.path(field).isNumber() ? (Object) entry.path(field).asDouble()
                : entry.path(field).asText()));
        return values;
    }
}
