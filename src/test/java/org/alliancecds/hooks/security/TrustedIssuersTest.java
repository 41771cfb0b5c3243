package org.alliancecds.hooks.security;

import com.nimbusds.jose.jwk.ECKey;
import org.alliancecds.fhir.AllowedServer;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trusted-issuers file is read strictly: every mistake is an error, never a silent change of trust. */
class TrustedIssuersTest {

    private static final ECKey KEY = TestKeys.newEs384("k1");
    private static final String JWKS = TestKeys.publicSet(KEY).toString();

    private static void refused(String json, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrustedIssuers.parse(json));
        assertTrue(error.getMessage().contains(expected), error::getMessage);
    }

    @Test
    void readsInlineKeysKeyUrlsAndJkuAllowLists() {
        TrustedIssuers issuers = TrustedIssuers.parse("""
                [{"iss": "https://a.example", "jwks": %s},
                 {"iss": "https://b.example", "jwks_uri": "https://b.example/jwks",
                  "jku_allowed": ["https://b.example/jku"]},
                 {"iss": "local", "jwks_uri": "http://127.0.0.1:9999/jwks"}]""".formatted(JWKS));
        assertEquals(3, issuers.size());
        assertEquals("k1", issuers.get("https://a.example").orElseThrow().jwks().getKeys().get(0).getKeyID());
        assertEquals(Set.of(URI.create("https://b.example/jku")),
                issuers.get("https://b.example").orElseThrow().jkuAllowed());
        assertTrue(issuers.get("https://c.example").isEmpty());
        assertTrue(issuers.get(null).isEmpty());
    }

    @Test
    void refusesAFileThatIsNotAListOfIssuers() {
        refused("{", "not JSON");
        refused("{\"iss\": \"x\"}", "array");
        refused("[42]", "object");
        refused("[{\"jwks\": " + JWKS + "}]", "'iss' is required");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"jwk_uri\": \"https://x/\"}]", "unknown field");
    }

    @Test
    void refusesAnIssuerWithoutKeysOrWithTwoSources() {
        refused("[{\"iss\": \"x\"}]", "give 'jwks_uri', 'jwks' or 'jku_allowed'");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"jwks_uri\": \"https://x/jwks\"}]", "not both");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + "}, {\"iss\": \"x\", \"jwks\": " + JWKS + "}]", "twice");
    }

    @Test
    void keyUrlsMustBeHttpsExceptOnLoopback() {
        refused("[{\"iss\": \"x\", \"jwks_uri\": \"http://ehr.example/jwks\"}]", "https");
        refused("[{\"iss\": \"x\", \"jku_allowed\": [\"ftp://ehr.example/jwks\"]}]", "https");
        refused("[{\"iss\": \"x\", \"jwks_uri\": \"not a url\"}]", "jwks_uri");
    }

    @Test
    void inlineKeysMustBePublicAndAsymmetric() {
        refused("[{\"iss\": \"x\", \"jwks\": {\"keys\": [" + KEY.toJSONString() + "]}}]", "public keys only");
        refused("[{\"iss\": \"x\", \"jwks\": {\"keys\": [{\"kty\": \"oct\", \"kid\": \"s\", \"k\": \"c2VjcmV0\"}]}}]",
                "public keys only");
        refused("[{\"iss\": \"x\", \"jwks\": {\"keys\": 5}}]", "not a JWK set");
    }

    @Test
    void fhirServersAreReadAsAllowListEntries() {
        TrustedIssuers issuers = TrustedIssuers.parse("""
                [{"iss": "a", "jwks": %s, "fhir_servers": ["https://fhir.a.example/r4",
                   {"url": "http://127.0.0.1:8080/fhir", "allow_http": true, "allow_private": true}]},
                 {"iss": "b", "jwks": %s}]""".formatted(JWKS, JWKS));
        TrustedIssuer a = issuers.get("a").orElseThrow();
        assertTrue(a.fhirServers().covering("https://fhir.a.example/r4/").isPresent());
        assertTrue(a.fhirServers().covering("http://127.0.0.1:8080/fhir").orElseThrow().allowPrivate());
        assertTrue(issuers.get("b").orElseThrow().fhirServers().entries().isEmpty(), "none unless listed");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"fhir_servers\": [\"http://x.example/r4\"]}]",
                "plain http");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"fhir_servers\": [{\"url\": \"https://x.example\","
                + "\"allow\": true}]}]", "unknown field 'allow'");
        refused("[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"fhir_servers\": \"https://x.example\"}]", "array");
    }

    @Test
    void aFhirServerMayNameTheOriginsOfItsAuthorizationServer() {
        TrustedIssuers issuers = TrustedIssuers.parse("""
                [{"iss": "a", "jwks": %s, "fhir_servers": [{"url": "https://fhir-ehr.a.example/r4",
                   "authorization_servers": ["https://authorization.a.example"]}]}]""".formatted(JWKS));
        AllowedServer fhir = issuers.get("a").orElseThrow().fhirServers().covering("https://fhir-ehr.a.example/r4")
                .orElseThrow();
        assertTrue(fhir.authorizationServer("https://authorization.a.example/oauth2/token").isPresent());
        assertTrue(fhir.authorizationServer("https://other.a.example/oauth2/token").isEmpty());
        String entry = "[{\"iss\": \"x\", \"jwks\": " + JWKS + ", \"fhir_servers\": [{\"url\": \"https://x.example\", "
                + "\"authorization_servers\": %s}]}]";
        refused(entry.formatted("[\"http://auth.x.example\"]"), "plain http");
        refused(entry.formatted("[\"https://auth.x.example/oauth2\"]"), "without a path");
        refused(entry.formatted("\"https://auth.x.example\""), "array of origins");
        refused(entry.formatted("[42]"), "array of origins");
    }
}
