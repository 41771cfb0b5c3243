package org.alliancecds.hooks.security;

import com.nimbusds.jose.jwk.ECKey;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key sets fetched over HTTP from a local server: caching, rotation, rate limit, timeouts, allow-listed jku. */
class RemoteJwksTest {

    private static final String ISSUER = "https://ehr.example.org";
    private static final String AUD = "https://cds.example.org/cds-services";
    private static final ECKey OLD = TestKeys.newEs384("2026-01");
    private static final ECKey NEW = TestKeys.newEs384("2026-02");
    private static final TokenPolicy FAST = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMinutes(5), Duration.ofSeconds(30));

    private final JwksServer ehr = new JwksServer();
    private final Clock clock = Clock.systemUTC();

    @AfterEach
    void stop() {
        ehr.close();
    }

    private TokenVerifier verifierFor(String issuersJson) {
        return new TokenVerifier(TrustedIssuers.parse(issuersJson), InMemoryUsedIds.bounded(clock, FAST.replayWindow(), 1000), FAST, clock);
    }

    private TokenVerifier jwksUriVerifier() {
        return verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jwks_uri\":\"" + ehr.url("/jwks.json") + "\"}]");
    }

    private static String token(ECKey key) {
        return "Bearer " + TestJwt.by(key, ISSUER).audience(AUD).issuedAt(Instant.now()).sign();
    }

    @Test
    void theKeySetIsFetchedOnceAndCached() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(OLD));
        TokenVerifier verifier = jwksUriVerifier();
        for (int call = 0; call < 5; call++) {
            assertEquals(ISSUER, verifier.verify(token(OLD), Set.of(AUD)).issuer());
        }
        assertEquals(1, ehr.fetches());
    }

    @Test
    void anUnknownKidFetchesTheSetAgainSoRotatedKeysWork() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(OLD));
        TokenVerifier verifier = jwksUriVerifier();
        verifier.verify(token(OLD), Set.of(AUD));
        ehr.serve(TestKeys.publicSet(NEW));
        assertEquals(ISSUER, verifier.verify(token(NEW), Set.of(AUD)).issuer());
        assertEquals(2, ehr.fetches());
        // The retired key is gone from the refreshed set.
        assertThrows(AuthenticationException.class, () -> verifier.verify(token(OLD), Set.of(AUD)));
    }

    @Test
    void madeUpKidsCannotMakeUsHammerTheEhr() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(OLD));
        TokenVerifier verifier = jwksUriVerifier();
        verifier.verify(token(OLD), Set.of(AUD));
        for (int attempt = 0; attempt < 20; attempt++) {
            ECKey madeUp = TestKeys.newEs384("made-up-" + attempt);
            assertThrows(AuthenticationException.class, () -> verifier.verify(token(madeUp), Set.of(AUD)));
        }
        assertTrue(ehr.fetches() <= 2, () -> ehr.fetches() + " fetches within one rate-limit interval");
    }

    @Test
    void aSlowKeySetEndpointIsATimelyRefusal() {
        ehr.serve(TestKeys.publicSet(OLD)).delay(Duration.ofSeconds(10));
        TokenVerifier verifier = jwksUriVerifier();
        long start = System.nanoTime();
        assertThrows(AuthenticationException.class, () -> verifier.verify(token(OLD), Set.of(AUD)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // Well under the endpoint's 10 s, with room for a loaded machine: the fetch's own timeout ended the wait.
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, () -> "took " + took);
    }

    @Test
    void anAllowListedJkuIsFetchedAndUsed() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(NEW));
        String jku = ehr.url("/jku.json");
        TokenVerifier verifier = verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jku_allowed\":[\"" + jku + "\"]}]");
        String token = "Bearer " + TestJwt.by(NEW, ISSUER).audience(AUD).jku(URI.create(jku)).sign();
        assertEquals(ISSUER, verifier.verify(token, Set.of(AUD)).issuer());
        assertEquals(1, ehr.fetches());
        // Without jku this issuer has no keys at all.
        assertThrows(AuthenticationException.class, () -> verifier.verify(token(NEW), Set.of(AUD)));
    }
    /** The CDS Hooks sandbox's case: its key trusted inline, its tokens naming a jku we were never told about. */
    @Test
    void inlineKeysWinOverAJkuNotOnTheAllowList() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(NEW));
        TokenVerifier verifier = verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jwks\":" + TestKeys.publicSet(OLD)
                + "}]");
        String token = "Bearer " + TestJwt.by(OLD, ISSUER).audience(AUD).jku(URI.create(ehr.url("/jku.json")))
                .sign();
        assertEquals(ISSUER, verifier.verify(token, Set.of(AUD)).issuer());
        assertEquals(0, ehr.fetches());
    }

    @Test
    void inlineKeysWinOverAnAllowListedJku() throws AuthenticationException {
        ehr.serve(TestKeys.publicSet(NEW));
        String jku = ehr.url("/jku.json");
        TokenVerifier verifier = verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jwks\":" + TestKeys.publicSet(OLD)
                + ",\"jku_allowed\":[\"" + jku + "\"]}]");
        String token = "Bearer " + TestJwt.by(OLD, ISSUER).audience(AUD).jku(URI.create(jku)).sign();
        assertEquals(ISSUER, verifier.verify(token, Set.of(AUD)).issuer());
        assertEquals(0, ehr.fetches());
    }

    /** Negative control: the key a jku serves does not count for an issuer with inline keys, allow-listed or not. */
    @Test
    void aJkuCannotBringKeysForAnIssuerWithInlineKeys() {
        ehr.serve(TestKeys.publicSet(NEW));
        String jku = ehr.url("/jku.json");
        TokenVerifier verifier = verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jwks\":" + TestKeys.publicSet(OLD)
                + ",\"jku_allowed\":[\"" + jku + "\"]}]");
        String token = "Bearer " + TestJwt.by(NEW, ISSUER).audience(AUD).jku(URI.create(jku)).sign();
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verify(token, Set.of(AUD)));
        assertEquals(Refusal.UNKNOWN_KEY, refused.refusal());
        assertEquals(0, ehr.fetches());
    }

    /** Negative control: for an issuer without inline keys, a jku off the allow-list is refused, and not fetched. */
    @Test
    void aJkuOffTheAllowListIsRefusedForAnIssuerWithoutInlineKeys() {
        ehr.serve(TestKeys.publicSet(NEW));
        TokenVerifier verifier = verifierFor("[{\"iss\":\"" + ISSUER + "\",\"jku_allowed\":[\""
                + ehr.url("/jku.json") + "\"]}]");
        String token = "Bearer " + TestJwt.by(NEW, ISSUER).audience(AUD).jku(URI.create(ehr.url("/other.json")))
                .sign();
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verify(token, Set.of(AUD)));
        assertEquals(Refusal.JKU_NOT_ALLOWED, refused.refusal());
        assertEquals(0, ehr.fetches());
    }
}
