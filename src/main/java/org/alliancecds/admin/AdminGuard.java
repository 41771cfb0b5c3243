package org.alliancecds.admin;

import org.alliancecds.common.AdminPaths;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;

/**
 * Lets a call reach an admin resource (one whose class path starts with {@code admin}) only with
 * {@code Authorization: Bearer <cds.admin.token>}: 401 without it or with another token, 404 when no token is
 * configured (the admin API is then off). It decides by the resource the call matched, not by the request's path
 * text, so no spelling of a path slips past it, and every admin resource added later is guarded without a mark.
 * <p>
 * The admin API is for people at the console, not for EHRs: the EHRs' JWT filter skips {@code /admin/*}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminGuard implements ContainerRequestFilter {

    static final String TOKEN_PROPERTY = "cds.admin.token";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isAdmin(resource.getResourceClass())) {
            return;
        }
        // Read per call (cheap), so the filter needs no CDI injection, which JAX-RS providers do not always get.
        AdminToken token = AdminToken.of(ConfigProvider.getConfig().getOptionalValue(TOKEN_PROPERTY, String.class));
        switch (token.check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case DISABLED -> request.abortWith(refusal(Response.Status.NOT_FOUND,
                    "the admin API is off: no " + TOKEN_PROPERTY + " is configured"));
            case MISSING, WRONG -> request.abortWith(Response.fromResponse(refusal(Response.Status.UNAUTHORIZED,
                            "send the admin token as 'Authorization: Bearer <token>'"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"alliance-cds admin\"").build());
            case GRANTED -> {
                // through
            }
        }
    }

    static boolean isAdmin(Class<?> resourceClass) {
        Path path = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        if (path == null) {
            return false;
        }
        return AdminPaths.isAdmin(path.value().startsWith("/") ? path.value().substring(1) : path.value());
    }

    private static Response refusal(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(AdminJson.write(Map.of("status", status.getStatusCode(), "message", message))).build();
    }
}
