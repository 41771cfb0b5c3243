package org.alliancecds.view;

import org.alliancecds.fhir.AllowedServers;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.ServerHttp;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.SmartAuthorization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launch and callback against the test EHR's real SMART authorization server over HTTP, through the service's
 * own defended client: what the view sends, and each refusal with its negative control.
 */
class ViewLaunchTest {

    private static final String REDIRECT = "https://cds.example.org/view/callback";
    private static final URI CALLED = URI.create("https://cds.example.org/");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static FhirTestServer ehr;
    private static FhirTestServer elsewhere;
    private static ServerHttp http;

    @BeforeAll
    static void start() {
        ehr = FhirTestServer.start();
        elsewhere = FhirTestServer.start();
        http = new ServerHttp(new FhirResources(2000, 5000));
    }

    @AfterAll
    static void stop() {
        ehr.close();
        elsewhere.close();
    }

    @BeforeEach
    void reset() {
        ehr.smart().reset().registerClient("view", REDIRECT, null);
        ehr.resetRequests();
        elsewhere.resetRequests();
    }

    private static ViewAccess access(String secret) {
        return access(secret, "");
    }

    /** @param words further words of the EHR's allow-list entry ({@code authorization-server=…}) */
    private static ViewAccess access(String secret, String words) {
        return new ViewAccess(() -> AllowedServers.parse(ehr.baseUrl() + " allow-http allow-private" + words), http,
                called -> new ViewClient("view", secret, URI.create(REDIRECT)), Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The browser at the authorization endpoint: where it is sent back to. */
    private static URI authorize(URI authorization) throws IOException, InterruptedException {
        HttpResponse<String> answer = BROWSER.send(HttpRequest.newBuilder(authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer::body);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void anEhrLaunchSendsPkceStateAudAndLaunchAndEndsWithTheTokenThePatientAndTheRule() throws Exception {
        SmartAuthorization smart = ehr.smart();
        String launch = smart.registerLaunch("p1", "{\"rule\":\"NOT-ON-TRACK\"}");
        SmartLaunch.Started started = access(null).launch(ehr.baseUrl(), launch, CALLED);
        Map<String, String> sent = query(started.redirect());
        assertEquals("code", sent.get("response_type"));
        assertEquals("view", sent.get("client_id"));
        assertEquals(REDIRECT, sent.get("redirect_uri"));
        assertEquals(ehr.baseUrl(), sent.get("aud"));
        assertEquals(launch, sent.get("launch"));
        assertEquals("launch openid fhirUser patient/QuestionnaireResponse.rs patient/Observation.rs "
                + "patient/EpisodeOfCare.rs", sent.get("scope"));
        assertEquals("S256", sent.get("code_challenge_method"));
        assertEquals(started.pending().state(), sent.get("state"));
        assertTrue(started.pending().codeVerifier().length() >= 43);
        assertTrue(!sent.get("code_challenge").equals(started.pending().codeVerifier()));

        URI callback = authorize(started.redirect());
        assertTrue(callback.toString().startsWith(REDIRECT + "?code="), callback::toString);
        ViewSession session = access(null).callback(callback, started.pending(), CALLED);
        assertEquals("p1", session.patientId());
        assertEquals("NOT-ON-TRACK", session.focus());
        assertEquals(ehr.baseUrl(), session.iss());
        assertEquals(NOW.plusSeconds(3600), session.expiresAt());
        assertTrue(session.accessToken().startsWith("token-"));
        assertTrue(!session.toString().contains(session.accessToken()));
        assertEquals(List.of(new SmartAuthorization.TokenRequest("authorization_code", true, false, 200)),
                smart.tokenRequests());
    }

    @Test
    void theAuthorizationServerRefusesATokenRequestWithoutTheVerifier() throws Exception {
        SmartLaunch.Started started = access(null).launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED);
        String code = query(authorize(started.redirect())).get("code");
        HttpResponse<String> without = BROWSER.send(HttpRequest.newBuilder(URI.create(ehr.baseUrl()
                        .replace("/fhir", "/auth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=view&code="
                        + code + "&redirect_uri=" + REDIRECT)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, without.statusCode());
        assertTrue(without.body().contains("invalid_grant"), without::body);
    }

    @Test
    void aCallbackWhoseStateDiffersIsRefusedBeforeAnyTokenRequest() throws Exception {
        SmartLaunch.Started started = access(null).launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED);
        URI callback = authorize(started.redirect());
        URI forged = URI.create(callback.toString().replace("state=", "state=x"));
        ViewProblem refused = assertThrows(ViewProblem.class, () -> access(null).callback(forged,
                started.pending(), CALLED));
        assertEquals(400, refused.status());
        assertEquals("state-mismatch", refused.problem());
        URI stateless = URI.create(callback.toString().replaceAll("&state=[^&]*", ""));
        assertEquals("state-mismatch", assertThrows(ViewProblem.class,
                () -> access(null).callback(stateless, started.pending(), CALLED)).problem());
        assertEquals(List.of(), ehr.smart().tokenRequests());
        // negative control: the real callback of the same launch is used
        assertEquals("p1", access(null).callback(callback, started.pending(), CALLED).patientId());
    }

    @Test
    void aServerNotOnTheAllowListIsRefusedAndGetsNoRequest() {
        ViewProblem refused = assertThrows(ViewProblem.class, () -> access(null).launch(elsewhere.baseUrl(), "l",
                CALLED));
        assertEquals(403, refused.status());
        assertEquals("iss-not-allowed", refused.problem());
        assertEquals(List.of(), elsewhere.requests());
        for (String lookalike : List.of(ehr.baseUrl() + "x", ehr.baseUrl().replace("127.0.0.1", "localhost"),
                ehr.baseUrl().replace("http:", "https:"))) {
            assertEquals("iss-not-allowed", assertThrows(ViewProblem.class,
                    () -> access(null).launch(lookalike, "l", CALLED)).problem(), lookalike);
        }
        assertEquals(List.of(), ehr.requests());
    }

    @Test
    void aServerWithoutS256IsRefusedBeforeTheBrowserIsSentAnywhere() {
        ehr.smart().challengeMethods(List.of("plain"));
        ViewProblem refused = assertThrows(ViewProblem.class, () -> access(null).launch(ehr.baseUrl(), "l",
                CALLED));
        assertEquals("smart-configuration", refused.problem());
        assertEquals(List.of(), ehr.smart().authorizeRequests());
    }

    @Test
    void aStandaloneLaunchAsksForLaunchPatientAndTheV1ScopesWhereOnlyThoseAreOffered() throws Exception {
        ehr.smart().standalonePatient("p2").scopesSupported(List.of("launch/patient", "openid", "fhirUser",
                "patient/QuestionnaireResponse.read", "patient/Observation.read", "patient/EpisodeOfCare.read"));
        SmartLaunch.Started started = access(null).launch(ehr.baseUrl(), null, CALLED);
        Map<String, String> sent = query(started.redirect());
        assertEquals("launch/patient openid fhirUser patient/QuestionnaireResponse.read patient/Observation.read "
                + "patient/EpisodeOfCare.read", sent.get("scope"));
        assertNull(sent.get("launch"));
        ViewSession session = access(null).callback(authorize(started.redirect()), started.pending(), CALLED);
        assertEquals("p2", session.patientId());
        assertNull(session.focus());
    }

    @Test
    void aConfidentialClientAuthenticatesWithItsSecret() throws Exception {
        ehr.smart().reset().registerClient("view", REDIRECT, "s3cret");
        SmartLaunch.Started started = access("s3cret").launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED);
        assertNotNull(access("s3cret").callback(authorize(started.redirect()), started.pending(), CALLED));
        assertEquals(List.of(new SmartAuthorization.TokenRequest("authorization_code", true, true, 200)),
                ehr.smart().tokenRequests());
        // negative control: a wrong secret is refused by the server, and the view says so
        SmartLaunch.Started again = access("wrong").launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED);
        URI callback = authorize(again.redirect());
        assertEquals("token-refused", assertThrows(ViewProblem.class,
                () -> access("wrong").callback(callback, again.pending(), CALLED)).problem());
    }

    @Test
    void anErrorFromTheAuthorizationServerIsAClearRefusal() throws Exception {
        SmartLaunch.Started started = access(null).launch(ehr.baseUrl(), "no-such-launch", CALLED);
        URI callback = authorize(started.redirect());
        assertTrue(callback.getQuery().contains("error=invalid_request"), callback::toString);
        ViewProblem refused = assertThrows(ViewProblem.class, () -> access(null).callback(callback,
                started.pending(), CALLED));
        assertEquals("authorization-refused", refused.problem());
        assertTrue(refused.getMessage().contains("invalid_request"), refused.getMessage());
        assertEquals(List.of(), ehr.smart().tokenRequests());
    }

    /** The test EHR's own server under another name: another origin, as an authorization server on its own host. */
    private static String authorizationElsewhere() {
        return "http://localhost:" + URI.create(ehr.baseUrl()).getPort();
    }

    @Test
    void anAuthorizationServerOnAnotherHostIsUsedWhenTheFhirServersEntryNamesIt() throws Exception {
        ehr.smart().authorizationOrigin(authorizationElsewhere());
        ViewAccess access = access(null, " authorization-server=" + authorizationElsewhere());
        SmartLaunch.Started started = access.launch(ehr.baseUrl(), ehr.smart().registerLaunch("p1", null), CALLED);
        assertTrue(started.redirect().toString().startsWith(authorizationElsewhere() + "/auth/authorize?"),
                started.redirect()::toString);
        assertEquals(authorizationElsewhere() + "/auth/token", started.pending().tokenEndpoint());
        assertEquals("p1", access.callback(authorize(started.redirect()), started.pending(), CALLED).patientId());
        assertEquals(List.of(new SmartAuthorization.TokenRequest("authorization_code", true, false, 200)),
                ehr.smart().tokenRequests());
    }

    @Test
    void anAuthorizationServerOnAnotherHostNotRegisteredGetsNeitherTheBrowserNorTheCode() throws Exception {
        ehr.smart().authorizationOrigin(authorizationElsewhere());
        ViewProblem refused = assertThrows(ViewProblem.class, () -> access(null).launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED));
        assertEquals(502, refused.status());
        assertEquals("smart-configuration", refused.problem());
        assertTrue(refused.getMessage().contains("authorization endpoint"), refused.getMessage());
        assertEquals(List.of(), ehr.smart().authorizeRequests());

        // the authorization endpoint on the FHIR server, the token endpoint elsewhere: the browser is not sent off
        ehr.smart().authorizationOrigin(null).tokenOrigin(authorizationElsewhere());
        ViewProblem token = assertThrows(ViewProblem.class, () -> access(null).launch(ehr.baseUrl(),
                ehr.smart().registerLaunch("p1", null), CALLED));
        assertEquals("smart-configuration", token.problem());
        assertTrue(token.getMessage().contains("token endpoint"), token.getMessage());
        assertEquals(List.of(), ehr.smart().authorizeRequests());

        // begun while it was registered, called back after the operator took it off: the code and secret stay here
        ehr.smart().reset().registerClient("view", REDIRECT, "s3cret").authorizationOrigin(authorizationElsewhere());
        SmartLaunch.Started started = access("s3cret", " authorization-server=" + authorizationElsewhere())
                .launch(ehr.baseUrl(), ehr.smart().registerLaunch("p1", null), CALLED);
        URI callback = authorize(started.redirect());
        ViewProblem late = assertThrows(ViewProblem.class, () -> access("s3cret").callback(callback,
                started.pending(), CALLED));
        assertEquals("smart-configuration", late.problem());
        assertTrue(late.getMessage().contains("token endpoint"), late.getMessage());
        assertEquals(List.of(), ehr.smart().tokenRequests());
    }
}
