package org.alliancecds.audit;

/**
 * Who called, as the authentication filter established it.
 *
 * @param issuer the JWT's {@code iss}, or null when authentication is off
 * @param tenant the JWT's {@code tenant}, or null when absent
 */
public record Caller(String issuer, String tenant) {

    /** The request property under which the authentication filter leaves the issuer. */
    public static final String ISSUER_PROPERTY = "org.alliancecds.issuer";
    /** The request property under which the authentication filter leaves the tenant. */
    public static final String TENANT_PROPERTY = "org.alliancecds.tenant";

    /** The caller from the two request properties; a property that is absent or not a string is null. */
    public static Caller of(Object issuer, Object tenant) {
        return new Caller(issuer instanceof String text ? text : null, tenant instanceof String text ? text : null);
    }
}
