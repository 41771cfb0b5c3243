package org.alliancecds.hooks.security;

import org.alliancecds.common.AdminPaths;
import org.alliancecds.common.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Once a call is matched to a resource: any resource but the admin API's needs the verified caller that
 * {@link AuthenticationFilter} records. Defence in depth against a path that looked like an admin path before
 * matching and reached an EHR endpoint after it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
@ApplicationScoped
public class AuthenticatedCallsOnly implements ContainerRequestFilter {

    @Inject
    Authentication authentication;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean admin = AdminPaths.isAdmin(request.getUriInfo().getMatchedURIs());
        if (authentication.required() && !admin && request.getProperty(Caller.ISSUER_PROPERTY) == null) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }
}
