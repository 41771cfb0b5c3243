package org.alliancecds.hooks.security;

import org.alliancecds.hooks.security.ReplayStore.Use;
import org.alliancecds.testing.MutableClock;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay store never forgets an id within its window: at its size it refuses new ids (fail closed) instead of
 * letting the cache below it evict one. The cache here evicts its oldest id beyond the store's size, as
 * Hazelcast's would beyond its limit.
 */
class BoundedReplayStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(7);
    private static final int SIZE = 5;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryUsedIds cache = new InMemoryUsedIds(clock, WINDOW, SIZE);
    private final BoundedReplayStore store = new BoundedReplayStore(cache, SIZE, WINDOW, clock);

    @Test
    void whenFullTheNextNewIdIsRefused() {
        for (int id = 0; id < SIZE; id++) {
            assertEquals(Use.FIRST, store.record("id-" + id));
        }
        assertEquals(Use.STORE_FULL, store.record("one-too-many"));
    }

    @Test
    void anEarlyIdIsStillAReplayAfterManyMoreTokens() {
        assertEquals(Use.FIRST, store.record("early"));
        for (int id = 0; id < 1_000; id++) {
            store.record("later-" + id);
            clock.advance(Duration.ofMillis(100));
        }
        assertTrue(clock.instant().isBefore(Instant.parse("2026-03-01T10:07:00Z")), "still within the window");
        assertEquals(Use.REPLAY, store.record("early"));
    }

    /** Negative control: the same traffic straight into the evicting cache forgets the early id. */
    @Test
    void withoutTheBoundTheCacheWouldForget() {
        assertTrue(cache.addIfAbsent("early"));
        for (int id = 0; id < 1_000; id++) {
            cache.addIfAbsent("later-" + id);
        }
        assertTrue(cache.addIfAbsent("early"), "the evicting cache took the early id again");
    }

    @Test
    void roomComesBackAsIdsLeaveTheWindowAndNotBefore() {
        assertEquals(Use.FIRST, store.record("early"));
        clock.advance(Duration.ofMinutes(1));
        for (int id = 1; id < SIZE; id++) {
            assertEquals(Use.FIRST, store.record("id-" + id));
        }
        clock.advance(WINDOW.minusMinutes(1).minusSeconds(1));
        assertEquals(Use.STORE_FULL, store.record("new"));
        assertEquals(Use.REPLAY, store.record("early"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Use.FIRST, store.record("new"));
        assertEquals(Use.STORE_FULL, store.record("newer"));
    }

    @Test
    void aFullStoreRefusesTheTokenWithItsReason() throws AuthenticationException {
        ECKey key = TestKeys.newEs384("ehr-es384");
        String issuer = "https://ehr.example.org";
        String aud = "https://cds.example.org/cds-services";
        TokenVerifier verifier = new TokenVerifier(TrustedIssuers.parse("[{\"iss\":\"" + issuer + "\",\"jwks\":"
                + TestKeys.publicSet(key) + "}]"), InMemoryUsedIds.bounded(clock, WINDOW, 2),
                TokenPolicy.defaults(), clock);
        for (int call = 0; call < 2; call++) {
            assertEquals(issuer, verifier.verify("Bearer " + token(key, issuer, aud), Set.of(aud)).issuer());
        }
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verifier.verify("Bearer " + token(key, issuer, aud), Set.of(aud)));
        assertEquals(Refusal.REPLAY_STORE_FULL, refused.refusal());
        assertFalse(refused.getMessage().contains("Bearer"));
    }

    @Test
    void aStoreHoldsAtLeastOneId() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedReplayStore(cache, 0, WINDOW, clock));
    }

    private String token(ECKey key, String issuer, String aud) {
        return TestJwt.by(key, issuer).audience(aud).issuedAt(clock.instant())
                .expiresAt(clock.instant().plusSeconds(60)).sign();
    }
}
