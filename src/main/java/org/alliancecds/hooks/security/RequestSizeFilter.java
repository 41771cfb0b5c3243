package org.alliancecds.hooks.security;

import org.alliancecds.common.LimitedInputStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.alliancecds.common.LimitedInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code cds.max-request-bytes} with 413: at once when the declared
 * {@code Content-Length} is too large, and while reading otherwise, so that a chunked body (which declares no
 * length) cannot get around the limit. Runs after authentication: an unauthenticated body is never read at all.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class RequestSizeFilter implements ContainerRequestFilter {

    /** The most the limit may be set to; the JSON parser's own document limit sits above it. */
    public static final long MAX_CONFIGURABLE_BYTES = 50L * 1024 * 1024;
    static final int TOO_LARGE = 413;

    @Inject
    @ConfigProperty(name = "cds.max-request-bytes", defaultValue = "5242880")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = Math.min(maxBytes, MAX_CONFIGURABLE_BYTES);
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit, () -> {
            throw tooLarge(limit);
        }));
    }

    private static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("the request body is larger than the limit of " + limit + " bytes",
                TOO_LARGE);
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // The HTTP layer rejects a malformed length before we get here; if not, the read limit still holds.
            return -1;
        }
    }
}
