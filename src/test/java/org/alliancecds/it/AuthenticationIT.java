package org.alliancecds.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack suite: every way a CDS Hooks JWT can be wrong gets a bare 401, on discovery, hook calls and feedback
 * alike; valid ES384 and RS384 tokens get in. And CORS: preflights answered without a token, with the CORS headers
 * for the configured origin ({@code https://sandbox.cds-hooks.org} in arquillian.xml) only.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {

    private static final String DISCOVERY = "cds-services";
    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final String FEEDBACK = HOOK + "/feedback";
    private static final List<String> ENDPOINTS = List.of(DISCOVERY, HOOK, FEEDBACK);
    private static final String ALLOWED_ORIGIN = "https://sandbox.cds-hooks.org";

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

    /** Each attack: the Authorization header value it sends to a path (null: no header). */
    private Map<String, Function<String, String>> attacks() {
        Instant now = Instant.now();
        Map<String, Function<String, String>> attacks = new LinkedHashMap<>();
        attacks.put("no Authorization", path -> null);
        attacks.put("not a Bearer token", path -> "Basic " + Base64.getEncoder()
                .encodeToString("ehr:secret".getBytes(StandardCharsets.UTF_8)));
        attacks.put("unsigned (alg none)", path -> CdsClient.bearer(client.token(path).unsecured("")));
        attacks.put("alg none with a signature", path -> {
            String signature = client.token(path).sign().split("\\.")[2];
            return CdsClient.bearer(client.token(path).unsecured(signature));
        });
        attacks.put("HS256 signed with the public key as secret", path -> CdsClient.bearer(
                TestJwt.by(TestKeys.itRs384(), TestKeys.IT_ISSUER).audience(client.audience(path))
                        .algorithm(JWSAlgorithm.HS256).signWithSecret(publicKeyPem())));
        attacks.put("a wrong key under the trusted kid", path -> CdsClient.bearer(
                TestJwt.by(TestKeys.newEs384("it-ehr-es384"), TestKeys.IT_ISSUER).audience(client.audience(path)).sign()));
        attacks.put("an unknown kid", path -> CdsClient.bearer(
                TestJwt.by(TestKeys.newEs384("unknown-kid"), TestKeys.IT_ISSUER).audience(client.audience(path)).sign()));
        attacks.put("a wrong iss", path -> CdsClient.bearer(
                TestJwt.by(TestKeys.itEs384(), "https://attacker.example").audience(client.audience(path)).sign()));
        attacks.put("a wrong aud (another service)", path -> CdsClient.bearer(
                client.token(path).audience("https://cds.example.org/" + path).sign()));
        attacks.put("a wrong aud (another endpoint here)", path -> CdsClient.bearer(
                client.token(path).audience(client.audience(path.equals(DISCOVERY) ? HOOK : DISCOVERY)).sign()));
        attacks.put("expired", path -> CdsClient.bearer(
                client.token(path).issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(300)).sign()));
        attacks.put("iat in the future beyond the skew", path -> CdsClient.bearer(
                client.token(path).issuedAt(now.plusSeconds(300)).expiresAt(now.plusSeconds(330)).sign()));
        attacks.put("no jti", path -> CdsClient.bearer(client.token(path).jti(null).sign()));
        attacks.put("typ not JWT", path -> CdsClient.bearer(client.token(path).type(JOSEObjectType.JOSE).sign()));
        attacks.put("the URL as called, Host header and all, as aud", path -> CdsClient.bearer(
                client.token(path).audience(client.url(path)).sign()));
        attacks.put("an attacker's key with a jku to it", path -> CdsClient.bearer(
                TestJwt.by(TestKeys.newEs384("it-ehr-es384"), TestKeys.IT_ISSUER).audience(client.audience(path))
                        .jku(URI.create("https://attacker.example/jwks.json")).sign()));
        return attacks;
    }

    @Test
    void everyAttackIsABare401OnEveryEndpoint() {
        List<Executable> checks = new ArrayList<>();
        attacks().forEach((attack, authorization) -> ENDPOINTS.forEach(path -> checks.add(() ->
                assertUnauthorized(call(path, authorization.apply(path)), attack + " on " + path))));
        assertAll(checks);
    }

    @Test
    void aReplayedTokenIsRefusedOnEveryEndpoint() {
        List<Executable> checks = new ArrayList<>();
        for (String path : ENDPOINTS) {
            String authorization = CdsClient.bearer(client.token(path).sign());
            checks.add(() -> {
                Reply first = call(path, authorization);
                assertEquals(200, first.status(), () -> "first use on " + path + ": " + first);
                assertUnauthorized(call(path, authorization), "replay on " + path);
            });
        }
        assertAll(checks);
    }

    @Test
    void validEs384AndRs384TokensGetIn() {
        List<Executable> checks = new ArrayList<>();
        for (String path : ENDPOINTS) {
            checks.add(() -> assertEquals(200, call(path, CdsClient.bearer(client.token(path).sign())).status(),
                    "ES384 on " + path));
            checks.add(() -> assertEquals(200, call(path, CdsClient.bearer(TestJwt.by(TestKeys.itRs384(),
                    TestKeys.IT_ISSUER).audience(client.audience(path)).sign())).status(), "RS384 on " + path));
            // The test EHR's keys are inline in the issuers file: its jku, allowed or not, is neither needed nor
            // fetched (neither URL resolves).
            checks.add(() -> assertEquals(200, call(path, CdsClient.bearer(client.token(path)
                    .jku(URI.create("https://ehr.it.alliance-cds.test/.well-known/jwks.json")).sign())).status(),
                    "an allow-listed jku on " + path));
            checks.add(() -> assertEquals(200, call(path, CdsClient.bearer(client.token(path)
                    .jku(URI.create("https://elsewhere.example/jwks.json")).sign())).status(),
                    "a jku off the allow-list on " + path));
            checks.add(() -> assertEquals(200, call(path, CdsClient.bearer(client.token(path).tenant(null)
                    .audience("https://cds.example.org/x", client.audience(path)).sign())).status(),
                    "aud as an array, no tenant, on " + path));
        }
        assertAll(checks);
    }

    @Test
    void unknownPathsAskForATokenToo() {
        assertUnauthorized(call("no/such/path", null), "unknown path");
    }

    @Test
    void noSpellingOfAnAdminPathReachesAnEhrEndpointWithoutAToken() {
        for (String disguised : List.of("admin/../cds-services", "admin/%2e%2e/cds-services",
                "admin/./../cds-services")) {
            Reply reply = client.send("GET", disguised, null, Map.of());
            assertTrue(reply.status() == 401 || reply.status() == 404 || reply.status() == 400,
                    () -> disguised + " answered " + reply);
            assertFalse(reply.body().contains("\"services\""), () -> disguised + " leaked discovery: " + reply);
        }
    }

    @Test
    void healthStaysOpen() {
        Reply health = client.send("GET", "health/ready", null, Map.of());
        assertEquals(200, health.status(), health::toString);
    }

    @Test
    void aPreflightFromTheAllowedOriginGetsTheCorsHeadersWithoutAToken() {
        for (String path : ENDPOINTS) {
            Reply preflight = client.send("OPTIONS", path, null, Map.of("Origin", ALLOWED_ORIGIN,
                    "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "authorization, content-type"));
            assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight::toString);
            assertEquals(ALLOWED_ORIGIN, preflight.header("Access-Control-Allow-Origin").orElse(""), path);
            String methods = preflight.header("Access-Control-Allow-Methods").orElse("");
            assertTrue(methods.contains("GET") && methods.contains("POST"), methods);
            String headers = preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase();
            assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers);
        }
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        Reply preflight = client.send("OPTIONS", HOOK, null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization"));
        assertNoCorsHeaders(preflight);
    }

    @Test
    void answersCarryTheAllowOriginForTheAllowedOriginOnly() {
        Reply allowed = client.send("GET", DISCOVERY, null, Map.of("Origin", ALLOWED_ORIGIN,
                "Authorization", CdsClient.bearer(client.token(DISCOVERY).sign())));
        assertEquals(200, allowed.status(), allowed::toString);
        assertEquals(ALLOWED_ORIGIN, allowed.header("Access-Control-Allow-Origin").orElse(""));
        // A browser client may read a refusal too.
        Reply refused = client.send("GET", DISCOVERY, null, Map.of("Origin", ALLOWED_ORIGIN));
        assertEquals(401, refused.status(), refused::toString);
        assertEquals(ALLOWED_ORIGIN, refused.header("Access-Control-Allow-Origin").orElse(""));

        Reply other = client.send("GET", DISCOVERY, null, Map.of("Origin", "https://evil.example",
                "Authorization", CdsClient.bearer(client.token(DISCOVERY).sign())));
        assertEquals(200, other.status(), other::toString);
        assertNoCorsHeaders(other);
    }

    private Reply call(String path, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (path.equals(DISCOVERY) || path.startsWith("no/")) {
            return client.send("GET", path, null, headers);
        }
        headers.put("Content-Type", CdsClient.JSON);
        return client.send("POST", path, body(path).toString(), headers);
    }

    private static ObjectNode body(String path) {
        if (path.equals(FEEDBACK)) {
            return Feedback.of(Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "accepted"));
        }
        return HookRequest.patientView("example").prefetchNull("responses").prefetchNull("observations").json();
    }

    private static void assertUnauthorized(Reply reply, String what) {
        assertOperationOutcome(reply, 401);
        assertEquals("Bearer", reply.header("WWW-Authenticate").orElse(""), what);
        // Bare: the same few words whatever was wrong, so a prober learns nothing.
        assertEquals("authentication required", reply.json().path("issue").path(0).path("diagnostics").asText(),
                what);
    }

    private static void assertNoCorsHeaders(Reply reply) {
        reply.headers().keySet().forEach(name -> assertFalse(name.toLowerCase().startsWith("access-control-"),
                () -> name + " in " + reply.headers()));
    }

    private static byte[] publicKeyPem() {
        try {
            String der = Base64.getMimeEncoder().encodeToString(TestKeys.itRs384().toRSAPublicKey().getEncoded());
            return ("-----BEGIN PUBLIC KEY-----\n" + der + "\n-----END PUBLIC KEY-----\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
