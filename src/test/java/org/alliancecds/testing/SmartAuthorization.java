package org.alliancecds.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test EHR's SMART App Launch 2.0 authorization server state, shared by its servlets ({@link SmartServlets}):
 * registered clients, launches (patient + appContext, as an EHR registers one when it shows a card's smart link),
 * issued codes (with their PKCE challenge) and tokens, and the switches a test turns (token lifetime, expiry, a type
 * the FHIR server refuses, the authorization server's origin, a consent page). The app under test sees only HTTP: a
 * SMART configuration, an authorization endpoint that approves, a token endpoint and a FHIR server that wants the
 * bearer token.
 *
 * <pre>{@code
 * FhirTestServer ehr = FhirTestServer.startAt(port);
 * ehr.smart().registerClient("alliance-cds-view", "https://cds.example/view/callback", null);
 * String url = ehr.smart().launchUrl("https://cds.example/view/launch", "p1", "{\"rule\":\"NOT-ON-TRACK\"}");
 * }</pre>
 */
public final class SmartAuthorization {

    /** A registered app. */
    public record Client(String id, String redirectUri, String secret) {
    }

    /** What a launch id stands for. */
    record Launch(String patient, String appContext) {
    }

    /** An issued code: to whom, for what, and the PKCE challenge its token request must answer. */
    record Code(String clientId, String redirectUri, String challenge, String scope, Launch context) {
    }

    /** An issued token. */
    record Token(String patient, String scope, Instant expiresAt) {
    }

    /** A token request as received: whether it carried a verifier (the app must always send one). */
    public record TokenRequest(String grantType, boolean hadVerifier, boolean hadClientSecret, int status) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Both scope forms, as servers that moved to SMART v2 still list. */
    private static final List<String> DEFAULT_SCOPES = List.of("openid", "fhirUser", "launch", "launch/patient",
            "patient/QuestionnaireResponse.rs", "patient/Observation.rs", "patient/EpisodeOfCare.rs",
            "patient/QuestionnaireResponse.read", "patient/Observation.read", "patient/EpisodeOfCare.read");

    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Launch> launches = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Set<String> refusedTypes = new HashSet<>();
    private final List<TokenRequest> tokenRequests = new ArrayList<>();
    private final List<String> authorizeRequests = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration lifetime = Duration.ofHours(1);
    private List<String> scopesSupported = DEFAULT_SCOPES;
    private List<String> challengeMethods = List.of("S256");
    private String standalonePatient;
    private String authorizationOrigin;
    private String tokenOrigin;
    private boolean consentPage;
    private String fhirBase;

    SmartAuthorization() {
    }

    void fhirBase(String base) {
        this.fhirBase = base;
    }

    /** Registers an app; a null secret makes it a public client (PKCE only). */
    public synchronized SmartAuthorization registerClient(String clientId, String redirectUri, String secret) {
        clients.put(clientId, new Client(clientId, redirectUri, secret));
        return this;
    }

    /** Registers an EHR launch of the patient with the appContext (null for none) and answers its launch id. */
    public synchronized String registerLaunch(String patientId, String appContext) {
        String id = "launch-" + random();
        launches.put(id, new Launch(patientId, appContext));
        return id;
    }

    /** An EHR launch as an EHR opens it: the app's launch URL with {@code iss} and a new {@code launch}. */
    public String launchUrl(String appLaunchUrl, String patientId, String appContext) {
        String launch = registerLaunch(patientId, appContext);
        return appLaunchUrl + (appLaunchUrl.contains("?") ? "&" : "?") + "iss=" + encode(fhirBase) + "&launch="
                + encode(launch);
    }

    /**
     * The test EHR's page ({@code /ehr/card}) showing a card's smart link as an EHR does: opening it registers a launch
     * of the patient with the link's appContext, and its link {@code #smart-link} goes to the link's URL with
     * {@code iss} and {@code launch}, for a browser test to click.
     *
     * @param appContext the link's appContext, or null
     */
    public String cardPageUrl(String linkUrl, String label, String patientId, String appContext) {
        return fhirBase.substring(0, fhirBase.lastIndexOf("/fhir")) + SmartServlets.CARD_PATH + "?url="
                + encode(linkUrl) + "&label=" + encode(label) + "&patient=" + encode(patientId)
                + (appContext == null ? "" : "&appContext=" + encode(appContext));
    }

    /**
     * The EHR's page that launches the app in an iframe, under the given origin of this server (an EHR on another
     * site than the app: {@code http://localhost:port} when the app is on 127.0.0.1).
     */
    public String framePageUrl(String origin, String launchUrl, String patientId, String appContext) {
        return origin + SmartServlets.FRAME_PATH + "?url=" + encode(launchUrl) + "&patient=" + encode(patientId)
                + (appContext == null ? "" : "&appContext=" + encode(appContext));
    }

    /** A token for the patient as if an app had been granted the scope, for tests of the FHIR side alone. */
    public String grantedToken(String patientId, String scope) {
        return issueToken(patientId, scope);
    }

    /** The patient a standalone launch ({@code launch/patient}) picks, as a patient picker would. */
    public synchronized SmartAuthorization standalonePatient(String patientId) {
        this.standalonePatient = patientId;
        return this;
    }

    /** How long new tokens live ({@code expires_in}). */
    public synchronized SmartAuthorization tokenLifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Every token issued so far expires now: the FHIR server answers 401 to it. */
    public synchronized SmartAuthorization expireTokens() {
        tokens.replaceAll((value, token) -> new Token(token.patient(), token.scope(), Instant.EPOCH));
        return this;
    }

    /** The FHIR server answers 403 to reads of the type, as a server enforcing narrower rights would. */
    public synchronized SmartAuthorization refuse(String resourceType) {
        refusedTypes.add(resourceType);
        return this;
    }

    /** What the SMART configuration lists as scopes_supported (e.g. only v1 {@code .read} forms). */
    public synchronized SmartAuthorization scopesSupported(List<String> scopes) {
        this.scopesSupported = List.copyOf(scopes);
        return this;
    }

    /** What it lists as code_challenge_methods_supported (e.g. none, for a server without PKCE). */
    public synchronized SmartAuthorization challengeMethods(List<String> methods) {
        this.challengeMethods = List.copyOf(methods);
        return this;
    }

    /**
     * The origin the SMART configuration names for the authorization and token endpoints, e.g.
     * {@code http://localhost:port} while the FHIR base is on 127.0.0.1: an authorization server on another host
     * than the FHIR server, as many EHRs have (this server answers on both names). Null: the FHIR server's own.
     */
    public synchronized SmartAuthorization authorizationOrigin(String origin) {
        this.authorizationOrigin = origin;
        return this;
    }

    /** The origin the SMART configuration names for the token endpoint alone (null: as the authorization one). */
    public synchronized SmartAuthorization tokenOrigin(String origin) {
        this.tokenOrigin = origin;
        return this;
    }

    /**
     * Whether an authorization request that passes its checks is answered with a page whose link {@code #approve}
     * goes back to the app with the code, as an EHR asks its user for consent, rather than redirected at once: a
     * browser test can stop there and change the answer. Refusals are redirected at once either way.
     */
    public synchronized SmartAuthorization consentPage(boolean shown) {
        this.consentPage = shown;
        return this;
    }

    /** Back to no clients, launches, tokens or switches. */
    public synchronized SmartAuthorization reset() {
        clients.clear();
        launches.clear();
        codes.clear();
        tokens.clear();
        refusedTypes.clear();
        tokenRequests.clear();
        authorizeRequests.clear();
        lifetime = Duration.ofHours(1);
        challengeMethods = List.of("S256");
        scopesSupported = DEFAULT_SCOPES;
        standalonePatient = null;
        authorizationOrigin = null;
        tokenOrigin = null;
        consentPage = false;
        return this;
    }

    public synchronized List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The query strings of the authorization requests received. */
    public synchronized List<String> authorizeRequests() {
        return List.copyOf(authorizeRequests);
    }

    // ---- used by the servlets

    synchronized List<String> scopesSupported() {
        return scopesSupported;
    }

    synchronized List<String> challengeMethods() {
        return challengeMethods;
    }

    synchronized String authorizationOrigin() {
        return authorizationOrigin != null ? authorizationOrigin
                : fhirBase.substring(0, fhirBase.lastIndexOf("/fhir"));
    }

    synchronized String tokenOrigin() {
        return tokenOrigin != null ? tokenOrigin : authorizationOrigin();
    }

    synchronized boolean consentPage() {
        return consentPage;
    }

    synchronized boolean enforcing() {
        return !clients.isEmpty();
    }

    synchronized Optional<Client> client(String id) {
        return Optional.ofNullable(id).map(clients::get);
    }

    synchronized Optional<Launch> launch(String id) {
        return Optional.ofNullable(id).map(launches::get);
    }

    synchronized Optional<String> standalonePatient() {
        return Optional.ofNullable(standalonePatient);
    }

    synchronized void authorizeRequest(String query) {
        authorizeRequests.add(query);
    }

    synchronized String issueCode(Code code) {
        String value = "code-" + random();
        codes.put(value, code);
        return value;
    }

    /** A code is used once: taken here whether or not its token request succeeds. */
    synchronized Optional<Code> takeCode(String value) {
        return Optional.ofNullable(value).map(codes::remove);
    }

    synchronized String issueToken(String patient, String scope) {
        String value = "token-" + random();
        tokens.put(value, new Token(patient, scope, clock.instant().plus(lifetime)));
        return value;
    }

    synchronized long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    synchronized void tokenRequest(TokenRequest request) {
        tokenRequests.add(request);
    }

    /** 0 when the bearer header may read the type, else the status to answer (401 or 403). */
    synchronized int refusal(String authorization, String resourceType) {
        String value = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : null;
        Token token = value == null ? null : tokens.get(value);
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return 401;
        }
        return refusedTypes.contains(resourceType) ? 403 : 0;
    }

    String fhirBase() {
        return fhirBase;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
