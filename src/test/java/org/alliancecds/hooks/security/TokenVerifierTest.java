package org.alliancecds.hooks.security;

import org.alliancecds.common.Caller;
import org.alliancecds.testing.MutableClock;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier without a container: what it accepts, and each way a token must be refused. */
class TokenVerifierTest {

    private static final String ISSUER = "https://ehr.example.org";
    private static final String AUD = "https://cds.example.org/cds-services/alliance-patient-view";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final ECKey ES384 = TestKeys.newEs384("ehr-es384");
    private static final RSAKey RS384 = TestKeys.newRs384("ehr-rs384");
    private static final URI JKU = URI.create("https://ehr.example.org/jwks.json");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryReplayStore replays = new InMemoryReplayStore(clock);
    private final TokenVerifier verifier = new TokenVerifier(issuers(), replays, TokenPolicy.defaults(), clock);

    private static TrustedIssuers issuers() {
        return TrustedIssuers.parse("[{\"iss\":\"" + ISSUER + "\",\"jwks\":" + TestKeys.publicSet(ES384, RS384)
                + ",\"jku_allowed\":[\"" + JKU + "\"]}]");
    }

    private TestJwt es384() {
        return TestJwt.by(ES384, ISSUER).audience(AUD).issuedAt(clock.instant())
                .expiresAt(clock.instant().plusSeconds(60));
    }

    private Caller verify(String token) throws AuthenticationException {
        return verifier.verify("Bearer " + token, Set.of(AUD));
    }

    private String refusal(String token) {
        return assertThrows(AuthenticationException.class, () -> verify(token)).getMessage();
    }

    @Test
    void acceptsEs384AndRs384WithIssuerAndTenant() throws AuthenticationException {
        assertEquals(new Caller(ISSUER, "it-tenant"), verify(es384().sign()));
        Caller rsa = verify(TestJwt.by(RS384, ISSUER).audience(AUD).issuedAt(START)
                .expiresAt(START.plusSeconds(60)).tenant(null).sign());
        assertEquals(ISSUER, rsa.issuer());
        assertNull(rsa.tenant());
    }

    @Test
    void acceptsAnAudienceArrayThatHoldsTheUrl() throws AuthenticationException {
        assertEquals(ISSUER, verify(es384().audience("https://other.example", AUD).sign()).issuer());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws AuthenticationException {
        assertEquals(ISSUER, verifier.verify("bearer " + es384().sign(), Set.of(AUD)).issuer());
    }

    @Test
    void refusesMissingOrForeignAuthorization() {
        assertThrows(AuthenticationException.class, () -> verifier.verify(null, Set.of(AUD)));
        assertThrows(AuthenticationException.class, () -> verifier.verify("", Set.of(AUD)));
        assertThrows(AuthenticationException.class, () -> verifier.verify("Basic dXNlcjpwdw==", Set.of(AUD)));
        assertThrows(AuthenticationException.class, () -> verifier.verify("Bearer not.a.jwt", Set.of(AUD)));
        assertThrows(AuthenticationException.class, () -> verifier.verify("Bearer " + "a".repeat(9000),
                Set.of(AUD)));
    }

    @Test
    void refusesUnsecuredTokens() {
        refusal(es384().unsecured(""));
        String signature = es384().sign().split("\\.")[2];
        refusal(es384().unsecured(signature));
    }

    @Test
    void refusesHmacEvenWithThePublicKeyAsSecret() throws Exception {
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                RS384.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.UTF_8);
        String hs256 = TestJwt.by(RS384, ISSUER).audience(AUD).issuedAt(START).expiresAt(START.plusSeconds(60))
                .algorithm(JWSAlgorithm.HS256).signWithSecret(pem);
        assertTrue(refusal(hs256).contains("HS256"));
        byte[] jwk = RS384.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        refusal(TestJwt.by(RS384, ISSUER).audience(AUD).issuedAt(START).expiresAt(START.plusSeconds(60))
                .algorithm(JWSAlgorithm.HS384).signWithSecret(jwk));
    }

    @Test
    void refusesAWrongKeyAnUnknownKidAndNoKid() {
        ECKey impostor = TestKeys.newEs384(ES384.getKeyID());
        assertTrue(refusal(TestJwt.by(impostor, ISSUER).audience(AUD).issuedAt(START)
                .expiresAt(START.plusSeconds(60)).sign()).contains("Invalid signature"));
        refusal(es384().kid("unknown-kid").sign());
        refusal(es384().kid(null).sign());
    }

    @Test
    void refusesAnUntrustedIssuerEvenWithATrustedKey() {
        ECKey sameKey = ES384;
        refusal(TestJwt.by(sameKey, "https://attacker.example").audience(AUD).issuedAt(START)
                .expiresAt(START.plusSeconds(60)).sign());
    }

    @Test
    void refusesAWrongOrMissingAudience() {
        refusal(es384().audience("https://cds.example.org/cds-services").sign());
        refusal(es384().audience("https://evil.example/cds-services/alliance-patient-view").sign());
        refusal(es384().audience().sign());
    }

    @Test
    void refusesATypOtherThanJwtOrNone() {
        refusal(es384().type(new JOSEObjectType("at+jwt")).sign());
        refusal(es384().type(null).sign());
    }

    @Test
    void requiresExpIatAndJti() {
        refusal(es384().expiresAt(null).sign());
        refusal(es384().issuedAt(null).sign());
        refusal(es384().jti(null).sign());
        refusal(es384().jti(" ").sign());
    }

    @Test
    void refusesATenantThatIsNotAString() {
        refusal(es384().tenant(42).sign());
    }

    @Test
    void honoursJkuOnlyFromTheAllowList() {
        assertTrue(refusal(es384().jku(URI.create("https://attacker.example/jwks.json")).sign())
                .contains("allow-list"));
    }

    @Test
    void refusesAReplayedJtiUntilTheTokenExpired() throws AuthenticationException {
        String token = es384().jti("once").sign();
        verify(token);
        assertTrue(refusal(token).contains("replay"));
        // The same jti in another, fresh token is still a replay.
        assertTrue(refusal(es384().jti("once").sign()).contains("replay"));
        assertEquals(1, replays.size());
    }

    @Test
    void expiryAllowsTheClockSkewAndNoMore() throws AuthenticationException {
        TestJwt expired = es384().issuedAt(START.minusSeconds(120)).expiresAt(START.minusSeconds(59));
        assertEquals(ISSUER, verify(expired.sign()).issuer());
        refusal(es384().issuedAt(START.minusSeconds(120)).expiresAt(START.minusSeconds(61)).sign());
    }

    @Test
    void issuedAtMayLieInTheFutureByTheClockSkewAndNoMore() throws AuthenticationException {
        assertEquals(ISSUER, verify(es384().issuedAt(START.plusSeconds(60)).sign()).issuer());
        assertTrue(refusal(es384().issuedAt(START.plusSeconds(61)).sign()).contains("future"));
    }

    @Test
    void aTokenMayNotLiveLongerThanTheMaximumLifetime() throws AuthenticationException {
        assertEquals(ISSUER, verify(es384().expiresAt(START.plusSeconds(300 + 60)).sign()).issuer());
        assertTrue(refusal(es384().expiresAt(START.plusSeconds(300 + 61)).sign()).contains("lifetime"));
    }

    @Test
    void theClockSkewIsConfigurableWithinBounds() throws AuthenticationException {
        TokenPolicy strict = TokenPolicy.defaults().withClockSkew(Duration.ZERO);
        TokenVerifier noSkew = new TokenVerifier(issuers(), replays, strict, clock);
        String late = es384().expiresAt(START.minusSeconds(1)).sign();
        assertThrows(AuthenticationException.class, () -> noSkew.verify("Bearer " + late, Set.of(AUD)));
        assertEquals(ISSUER, verify(late).issuer());
        assertThrows(IllegalArgumentException.class,
                () -> TokenPolicy.defaults().withClockSkew(Duration.ofSeconds(301)));
        assertThrows(IllegalArgumentException.class,
                () -> TokenPolicy.defaults().withClockSkew(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> TokenPolicy.defaults().withMaxLifetime(Duration.ofHours(2)));
    }

    @Test
    void theReplayWindowCoversTheLongestAcceptableToken() {
        TokenPolicy policy = TokenPolicy.defaults();
        assertEquals(Duration.ofSeconds(300 + 60 + 60), policy.replayWindow());
    }
}
