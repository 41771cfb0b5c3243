package org.alliancecds.hooks.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aud a token must carry: the URL called, under a base URL configured for it, never the request's own. */
class AudienceTest {

    @Test
    void aPublicBasePrefixesThePathCalled() {
        assertEquals(Set.of("https://cds.example.org/alliance/cds-services/alliance-patient-view",
                        "https://cds.example.org:443/alliance/cds-services/alliance-patient-view"),
                Audience.of(List.of(URI.create("https://cds.example.org/alliance/")),
                        "cds-services/alliance-patient-view"));
    }

    @Test
    void anExplicitDefaultPortMayBeLeftOutAndTheOtherWayRound() {
        assertEquals(Set.of("http://cds.example.org:80/cds-services", "http://cds.example.org/cds-services"),
                Audience.of(List.of(URI.create("http://cds.example.org:80/")), "/cds-services"));
    }

    @Test
    void thePublicBaseAndEachListedAudienceCount() {
        List<URI> bases = Audience.bases(Optional.of("https://cds.example.org"),
                Optional.of(" https://cds.internal.example:8443/alliance , https://other.example "));
        assertEquals(List.of(URI.create("https://cds.example.org"), URI.create("https://cds.internal.example:8443/alliance"),
                URI.create("https://other.example")), bases);
        assertTrue(Audience.of(bases, "cds-services").contains("https://cds.internal.example:8443/alliance/cds-services"));
    }

    @Test
    void withoutAConfiguredBaseThereIsNoAudience() {
        String problem = assertThrows(IllegalArgumentException.class,
                () -> Audience.bases(Optional.empty(), Optional.of(" , "))).getMessage();
        assertTrue(problem.contains("cds.public-base-url") && problem.contains("cds.auth.audiences"), problem);
    }

    @Test
    void aBaseMustBeAnHttpUrlWithoutQuery() {
        assertThrows(IllegalArgumentException.class, () -> Audience.bases(Optional.of("ftp://x.example"),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Audience.bases(Optional.empty(),
                Optional.of("https://x.example/?a=b")));
    }
}
