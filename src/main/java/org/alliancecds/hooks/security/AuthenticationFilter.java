package org.alliancecds.hooks.security;

import org.alliancecds.common.AdminPaths;
import org.alliancecds.common.Caller;
import org.alliancecds.common.LogText;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/**
 * Every request to the service, whatever its path (known or not), must carry a valid CDS Hooks JWT, except the
 * admin API, which people at the console reach with its own token ({@code admin.AdminGuard}); CORS preflights are
 * answered before this runs ({@link CorsFilter}). {@link AuthenticatedCallsOnly} checks again once the resource is
 * matched, so no spelling of a path can pass for an admin path and reach an EHR endpoint unauthenticated. A refused request gets a bare 401 with
 * {@code WWW-Authenticate: Bearer} and a fixed body that says nothing about why; the reason goes to the log,
 * the token never.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final String UNAUTHORIZED = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login",\
            "diagnostics":"authentication required"}]}""";

    @Inject
    Authentication authentication;

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (!authentication.required() || AdminPaths.isAdmin(uri.getPath(false))) {
            return;
        }
        try {
            Caller caller = authentication.verify(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    uri.getPath(false));
            request.setProperty(Caller.ISSUER_PROPERTY, caller.issuer());
            caller.tenantIfAny().ifPresent(tenant -> request.setProperty(Caller.TENANT_PROPERTY, tenant));
        } catch (AuthenticationException e) {
            LOG.info(() -> "401 for " + request.getMethod() + " /" + LogText.safe(uri.getPath(false))
                    + ": failed check '" + e.refusal().check() + "' (" + LogText.safe(e.getMessage()) + ")");
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(UNAUTHORIZED).build());
        }
    }
}
