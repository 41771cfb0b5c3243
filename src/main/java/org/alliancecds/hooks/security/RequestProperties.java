package org.alliancecds.hooks.security;

/**
 * Names of the request properties the authentication filter sets on the JAX-RS request context, for whoever
 * records the call (the audit). Both are Strings; both are absent when authentication is off, and the tenant is
 * absent when the token carries none.
 */
public final class RequestProperties {

    /** The verified {@code iss} of the caller's JWT. */
    public static final String ISSUER = "org.alliancecds.issuer";
    /** The {@code tenant} claim of the caller's JWT: the healthcare organisation calling. */
    public static final String TENANT = "org.alliancecds.tenant";

    private RequestProperties() {
    }
}
