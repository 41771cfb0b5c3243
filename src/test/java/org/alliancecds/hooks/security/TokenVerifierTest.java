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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private static final Duration WINDOW = TokenPolicy.defaults().replayWindow();

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryUsedIds usedIds = new InMemoryUsedIds(clock, WINDOW, 10_000);
    private final BoundedReplayStore replays = new BoundedReplayStore(usedIds, 10_000, WINDOW, clock);
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

    /** Refuses the token for the reason given; returns the log message, which must not hold the token. */
    private String refused(Refusal reason, String token) {
        AuthenticationException refusal = assertThrows(AuthenticationException.class, () -> verify(token));
        assertEquals(reason, refusal.refusal(), refusal::getMessage);
        assertFalse(refusal.getMessage().contains(token), "the token is in the message");
        return refusal.getMessage();
    }

    private void refusedHeader(Refusal reason, String authorization) {
        AuthenticationException refusal = assertThrows(AuthenticationException.class,
                () -> verifier.verify(authorization, Set.of(AUD)));
        assertEquals(reason, refusal.refusal(), refusal::getMessage);
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
        refusedHeader(Refusal.NO_TOKEN, null);
        refusedHeader(Refusal.NO_TOKEN, "");
        refusedHeader(Refusal.NO_TOKEN, "Basic dXNlcjpwdw==");
        refusedHeader(Refusal.MALFORMED, "Bearer not.a.jwt");
        refusedHeader(Refusal.MALFORMED, "Bearer " + "a".repeat(9000));
    }

    @Test
    void refusesUnsecuredTokens() {
        refused(Refusal.UNSIGNED, es384().unsecured(""));
        String signature = es384().sign().split("\\.")[2];
        // alg "none" with a signature part is not even a well-formed JWT.
        refused(Refusal.MALFORMED, es384().unsecured(signature));
    }

    @Test
    void refusesHmacEvenWithThePublicKeyAsSecret() throws Exception {
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                RS384.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.UTF_8);
        String hs256 = TestJwt.by(RS384, ISSUER).audience(AUD).issuedAt(START).expiresAt(START.plusSeconds(60))
                .algorithm(JWSAlgorithm.HS256).signWithSecret(pem);
        assertTrue(refused(Refusal.ALGORITHM, hs256).contains("HS256"));
        byte[] jwk = RS384.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        refused(Refusal.ALGORITHM, TestJwt.by(RS384, ISSUER).audience(AUD).issuedAt(START)
                .expiresAt(START.plusSeconds(60)).algorithm(JWSAlgorithm.HS384).signWithSecret(jwk));
    }

    @Test
    void refusesAWrongKeyAnUnknownKidAndNoKid() {
        ECKey impostor = TestKeys.newEs384(ES384.getKeyID());
        refused(Refusal.SIGNATURE, TestJwt.by(impostor, ISSUER).audience(AUD).issuedAt(START)
                .expiresAt(START.plusSeconds(60)).sign());
        refused(Refusal.UNKNOWN_KEY, es384().kid("unknown-kid").sign());
        refused(Refusal.NO_KID, es384().kid(null).sign());
    }

    @Test
    void refusesAnUntrustedIssuerEvenWithATrustedKey() {
        ECKey sameKey = ES384;
        refused(Refusal.UNKNOWN_ISSUER, TestJwt.by(sameKey, "https://attacker.example").audience(AUD)
                .issuedAt(START).expiresAt(START.plusSeconds(60)).sign());
    }

    @Test
    void refusesAWrongOrMissingAudience() {
        refused(Refusal.AUDIENCE, es384().audience("https://cds.example.org/cds-services").sign());
        refused(Refusal.AUDIENCE, es384().audience("https://evil.example/cds-services/alliance-patient-view").sign());
        refused(Refusal.MISSING_CLAIM, es384().audience().sign());
    }

    @Test
    void refusesATypOtherThanJwtOrNone() {
        refused(Refusal.TYPE, es384().type(new JOSEObjectType("at+jwt")).sign());
        refused(Refusal.TYPE, es384().type(null).sign());
    }

    @Test
    void requiresExpIatAndJti() {
        assertTrue(refused(Refusal.MISSING_CLAIM, es384().expiresAt(null).sign()).contains("exp"));
        assertTrue(refused(Refusal.MISSING_CLAIM, es384().issuedAt(null).sign()).contains("iat"));
        assertTrue(refused(Refusal.MISSING_CLAIM, es384().jti(null).sign()).contains("jti"));
        assertTrue(refused(Refusal.MISSING_CLAIM, es384().jti(" ").sign()).contains("jti"));
    }

    @Test
    void refusesATenantThatIsNotAString() {
        refused(Refusal.TENANT, es384().tenant(42).sign());
    }

    @Test
    void aJkuIsNotNeededNorFetchedForAnIssuerWithInlineKeys() throws AuthenticationException {
        // Neither URL resolves: a fetch would fail the call.
        assertEquals(ISSUER, verify(es384().jku(URI.create("https://attacker.example/jwks.json")).sign()).issuer());
        assertEquals(ISSUER, verify(es384().jku(JKU).sign()).issuer());
    }

    @Test
    void refusesAReplayedJtiUntilTheTokenExpired() throws AuthenticationException {
        String token = es384().jti("once").sign();
        verify(token);
        refused(Refusal.REPLAYED, token);
        // The same jti in another, fresh token is still a replay.
        refused(Refusal.REPLAYED, es384().jti("once").sign());
        assertEquals(1, usedIds.size());
    }

    @Test
    void expiryAllowsTheClockSkewAndNoMore() throws AuthenticationException {
        TestJwt expired = es384().issuedAt(START.minusSeconds(120)).expiresAt(START.minusSeconds(59));
        assertEquals(ISSUER, verify(expired.sign()).issuer());
        refused(Refusal.EXPIRED, es384().issuedAt(START.minusSeconds(120)).expiresAt(START.minusSeconds(61)).sign());
    }

    @Test
    void issuedAtMayLieInTheFutureByTheClockSkewAndNoMore() throws AuthenticationException {
        assertEquals(ISSUER, verify(es384().issuedAt(START.plusSeconds(60)).sign()).issuer());
        assertTrue(refused(Refusal.NOT_YET_VALID, es384().issuedAt(START.plusSeconds(61)).sign()).contains("future"));
    }

    @Test
    void aTokenMayNotLiveLongerThanTheMaximumLifetime() throws AuthenticationException {
        assertEquals(ISSUER, verify(es384().expiresAt(START.plusSeconds(300 + 60)).sign()).issuer());
        refused(Refusal.LIFETIME, es384().expiresAt(START.plusSeconds(300 + 61)).sign());
    }

    @Test
    void theClockSkewIsConfigurableWithinBounds() throws AuthenticationException {
        TokenPolicy strict = TokenPolicy.defaults().withClockSkew(Duration.ZERO);
        TokenVerifier noSkew = new TokenVerifier(issuers(), replays, strict, clock);
        String late = es384().expiresAt(START.minusSeconds(1)).sign();
        assertEquals(Refusal.EXPIRED, assertThrows(AuthenticationException.class,
                () -> noSkew.verify("Bearer " + late, Set.of(AUD))).refusal());
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
