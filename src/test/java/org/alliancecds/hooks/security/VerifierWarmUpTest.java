package org.alliancecds.hooks.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierWarmUpTest {

    @Test
    void verifiesOneTokenOfEachAlgorithmThroughTheWholeVerifier() {
        assertEquals(2, VerifierWarmUp.run(TokenPolicy.defaults(), Clock.systemUTC()));
    }

    /** A site that allows only short-lived tokens still gets a warm verifier, not a warning at every start. */
    @Test
    void staysWithinTheLifetimeTheSiteAllows() {
        TokenPolicy strict = TokenPolicy.defaults().withMaxLifetime(Duration.ofSeconds(5)).withClockSkew(Duration.ZERO);
        assertEquals(2, VerifierWarmUp.run(strict, Clock.systemUTC()));
    }

    /** Negative control: the warm-up's tokens go through every check, so a token that has expired is refused. */
    @Test
    void anExpiredTokenIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> VerifierWarmUp.run(TokenPolicy.defaults().withClockSkew(Duration.ZERO), new LeapingClock()));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }

    /** A clock that is ten minutes later each time it is read: tokens are verified long after they were signed. */
    private static final class LeapingClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofMinutes(10));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
