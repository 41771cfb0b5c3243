package org.alliancecds.hooks.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierWarmUpTest {

    @Test
    void verifiesOneTokenOfEachAlgorithmThroughTheWholeVerifier() {
        assertEquals(2, VerifierWarmUp.run(TokenPolicy.defaults(), Clock.systemUTC()));
    }

    /** Negative control: the warm-up's tokens go through every check, so a policy they break refuses them. */
    @Test
    void aPolicyItsTokensBreakRefusesThem() {
        TokenPolicy tooShort = TokenPolicy.defaults().withMaxLifetime(Duration.ofSeconds(1)).withClockSkew(Duration.ZERO);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> VerifierWarmUp.run(tooShort, Clock.systemUTC()));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
    }
}
