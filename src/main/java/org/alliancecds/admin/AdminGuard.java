package org.alliancecds.admin;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
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
import org.alliancecds.common.AdminPaths;
import org.alliancecds.common.LogText;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Lets a call reach an admin resource (one whose class path starts with {@code admin}) only with
 * {@code Authorization: Bearer <token>} of one of the admin credentials ({@link AdminCredentials}). Without one,
 * or with the admin API off, the answer is the same 401, so that a caller cannot tell whether the API is on. An
 * address refused {@code cds.admin.refusals-per-minute} times within a minute gets 429 with {@code Retry-After}
 * until that minute is over. It decides by the resource the call matched, not by the request's path text, so no
 * spelling of a path slips past it, and every admin resource added later is guarded without a mark.
 * <p>
 * Every admin call but a 429 is recorded in the audit with who, what and when ({@link AdminAuditFilter}), from the
 * request properties set here. The admin API is for people at the console, not for EHRs: the EHRs' JWT filter
 * skips {@code /admin/*}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminGuard implements ContainerRequestFilter {

    /** Set on every admin call that is to be audited: when it arrived. */
    static final String RECEIVED_PROPERTY = "org.alliancecds.admin.received";
    /** Set on a granted admin call: the credential's name. */
    static final String ADMIN_PROPERTY = "org.alliancecds.admin.name";
    static final String ADDRESS_PROPERTY = "org.alliancecds.admin.address";

    private static final Logger LOG = Logger.getLogger(AdminGuard.class.getName());

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isAdmin(resource.getResourceClass())) {
            return;
        }
        // Looked up per call: JAX-RS providers do not always get CDI injection.
        AdminAccess access = CDI.current().select(AdminAccess.class).get();
        String address = servletRequest.getRemoteAddr();
        AdminGate.Decision decision = access.gate().decide(address, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (decision instanceof AdminGate.TooMany tooMany) {
            long seconds = Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000);
            request.abortWith(Response.fromResponse(refusal(Response.Status.TOO_MANY_REQUESTS,
                    "too many refused attempts from this address; try again in " + seconds + " s"))
                    .header(HttpHeaders.RETRY_AFTER, seconds).build());
            return;
        }
        request.setProperty(RECEIVED_PROPERTY, access.clock().instant());
        request.setProperty(ADDRESS_PROPERTY, address);
        if (decision instanceof AdminGate.Granted granted) {
            request.setProperty(ADMIN_PROPERTY, granted.admin());
            return;
        }
        boolean off = decision instanceof AdminGate.Refused refused && refused.adminOff();
        LOG.info(() -> "admin 401 for " + request.getMethod() + " /" + LogText.safe(request.getUriInfo().getPath())
                + " from " + LogText.safe(address) + (off ? " (the admin API is off)" : ""));
        request.abortWith(Response.fromResponse(refusal(Response.Status.UNAUTHORIZED,
                        "send an admin credential as 'Authorization: Bearer <token>'"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"alliance-cds admin\"").build());
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
