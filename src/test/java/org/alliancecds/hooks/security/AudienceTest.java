package org.alliancecds.hooks.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The aud a token must carry: the URL called, as the client sees it. */
class AudienceTest {

    private static final URI REQUEST_BASE = URI.create("http://10.0.0.5:8080/");

    @Test
    void withoutAPublicBaseTheRequestUrlCounts() {
        assertEquals(Set.of("http://10.0.0.5:8080/cds-services"),
                Audience.of(Optional.empty(), REQUEST_BASE, "cds-services"));
    }

    @Test
    void aPublicBaseReplacesSchemeHostPortAndPrefixesItsPath() {
        assertEquals(Set.of("https://cds.example.org/alliance/cds-services/alliance-patient-view",
                        "https://cds.example.org:443/alliance/cds-services/alliance-patient-view"),
                Audience.of(Optional.of(URI.create("https://cds.example.org/alliance/")), REQUEST_BASE,
                        "cds-services/alliance-patient-view"));
    }

    @Test
    void anExplicitDefaultPortMayBeLeftOutAndTheOtherWayRound() {
        assertEquals(Set.of("http://cds.example.org:80/cds-services", "http://cds.example.org/cds-services"),
                Audience.of(Optional.empty(), URI.create("http://cds.example.org:80/"), "/cds-services"));
    }
}
