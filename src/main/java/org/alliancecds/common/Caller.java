package org.alliancecds.common;

import java.util.Optional;

/**
 * A CDS client whose JWT was verified, as the authentication filter leaves it on the request for whoever records
 * the call (the audit). Both fields are null when authentication is off; the tenant is null when the token has none.
 *
 * @param issuer the trusted issuer that signed the token ({@code iss})
 * @param tenant the healthcare organisation it names ({@code tenant}), or null
 */
public record Caller(String issuer, String tenant) {

    /** The request property (a servlet request attribute) under which the filter leaves the issuer. */
    public static final String ISSUER_PROPERTY = "org.alliancecds.issuer";
    /** The request property under which the filter leaves the tenant. */
    public static final String TENANT_PROPERTY = "org.alliancecds.tenant";

    /** The caller from the two request properties; a property that is absent or not a string is null. */
    public static Caller of(Object issuer, Object tenant) {
        return new Caller(issuer instanceof String text ? text : null, tenant instanceof String text ? text : null);
    }

    public Optional<String> tenantIfAny() {
        return Optional.ofNullable(tenant);
    }
}
