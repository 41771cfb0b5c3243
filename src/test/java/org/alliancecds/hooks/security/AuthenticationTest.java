package org.alliancecds.hooks.security;

import org.alliancecds.testing.MutableClock;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings as the container would inject them: without a base URL for aud, no token passes. */
class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.now());

    private Authentication configured(Optional<String> publicBase, Optional<String> audiences) {
        Authentication authentication = new Authentication();
        authentication.mode = "on";
        authentication.issuersFile = Optional.of(Path.of("src/test/resources/trusted-issuers.json").toString());
        authentication.publicBaseUrl = publicBase;
        authentication.audiences = audiences;
        authentication.clockSkewSeconds = 60;
        authentication.maxLifetimeSeconds = 300;
        authentication.replayStoreSize = 100;
        authentication.clock = clock;
        authentication.load();
        return authentication;
    }

    @Test
    void withoutABaseUrlAuthenticationIsUnusableAndSaysWhy() {
        Authentication authentication = configured(Optional.empty(), Optional.empty());
        assertTrue(authentication.required());
        assertFalse(authentication.usable());
        assertTrue(authentication.problem().orElseThrow().contains("cds.public-base-url"),
                () -> authentication.problem().orElseThrow());
    }

    /** The token a Host-header audience would have let through: aud is the URL as the request arrived. */
    @Test
    void aTokenForTheUrlAsCalledIsRefusedWithoutABaseUrl() {
        Authentication authentication = configured(Optional.empty(), Optional.empty());
        String token = TestJwt.by(TestKeys.itEs384(), TestKeys.IT_ISSUER)
                .audience("http://10.0.0.5:8080/cds-services/alliance-patient-view").issuedAt(clock.instant()).sign();
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> authentication.verify("Bearer " + token, "cds-services/alliance-patient-view"));
        assertEquals(Refusal.MISCONFIGURED, refused.refusal());
    }
}
