package org.alliancecds.it;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Stands in for the authentication filter in {@link AuditIT}'s deployment only: it sets the request properties
 * that filter sets for an authenticated call ({@code org.alliancecds.issuer}, {@code org.alliancecds.tenant}), here
 * from test headers, so the test can check that the audit keeps them.
 */
@Provider
public class CallerFromTestHeaders implements ContainerRequestFilter {

    static final String ISSUER = "X-Test-Issuer";
    static final String TENANT = "X-Test-Tenant";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(ISSUER) != null) {
            request.setProperty("org.alliancecds.issuer", request.getHeaderString(ISSUER));
            request.setProperty("org.alliancecds.tenant", request.getHeaderString(TENANT));
        }
    }
}
