package org.alliancecds.hooks.security;

import java.util.Optional;

/**
 * A CDS client whose JWT was verified.
 *
 * @param issuer the trusted issuer that signed the token
 * @param tenant the healthcare organisation it names, or null
 */
public record Caller(String issuer, String tenant) {

    public Optional<String> tenantIfAny() {
        return Optional.ofNullable(tenant);
    }
}
