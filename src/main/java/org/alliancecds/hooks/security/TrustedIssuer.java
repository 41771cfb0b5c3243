package org.alliancecds.hooks.security;

import com.nimbusds.jose.jwk.JWKSet;
import org.alliancecds.fhir.AllowedServers;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * A CDS client we trust: its {@code iss}, where its public keys are, which {@code jku} URLs it may point to, and
 * which FHIR servers it may name as {@code fhirServer}.
 *
 * @param issuer     the exact {@code iss} of its tokens
 * @param jwksUri    its JWK set URL, fetched and cached; or null
 * @param jwks       its JWK set given inline; or null
 * @param jkuAllowed {@code jku} header values honoured for this issuer; any other {@code jku} is refused
 * @param fhirServers the FHIR server bases its calls may have the service fetch from; none when not listed
 */
public record TrustedIssuer(String issuer, URI jwksUri, JWKSet jwks, Set<URI> jkuAllowed,
                            AllowedServers fhirServers) {

    public TrustedIssuer {
        jkuAllowed = Set.copyOf(jkuAllowed);
    }

    public Optional<URI> jwksUriIfAny() {
        return Optional.ofNullable(jwksUri);
    }

    public Optional<JWKSet> jwksIfAny() {
        return Optional.ofNullable(jwks);
    }
}
