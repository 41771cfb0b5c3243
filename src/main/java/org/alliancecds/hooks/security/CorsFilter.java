package org.alliancecds.hooks.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for browser-based CDS clients (such as the public CDS Hooks sandbox). Every {@code OPTIONS} request is
 * answered here, before authentication, since browsers send preflights without credentials; the CORS headers are
 * given only to the configured origins ({@code cds.cors.origins}: a comma list, or {@code *}; none by default),
 * for GET and POST with the {@code Authorization} and {@code Content-Type} headers. No cookies are involved, so
 * credentials are never allowed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ANY = "*";
    private static final Set<String> METHODS = Set.of(HttpMethod.GET, HttpMethod.POST);
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    @Inject
    @ConfigProperty(name = "cds.cors.origins")
    Optional<String> configured;

    private Set<String> origins;

    @PostConstruct
    void load() {
        origins = configured.map(list -> Arrays.stream(list.split(",")).map(String::trim)
                .filter(origin -> !origin.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Response.ResponseBuilder answer = Response.noContent().header("Allow", "GET, POST, OPTIONS");
        String origin = request.getHeaderString("Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (allowed(origin) && method != null && METHODS.contains(method)) {
            answer.header("Access-Control-Allow-Origin", allowOrigin(origin))
                    .header("Access-Control-Allow-Methods", "GET, POST")
                    .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                    .header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
        }
        request.abortWith(answer.header("Vary", "Origin").build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (HttpMethod.OPTIONS.equals(request.getMethod()) || !allowed(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", allowOrigin(origin));
        // A browser script may read why a call was refused.
        headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate");
        headers.add("Vary", "Origin");
    }

    private boolean allowed(String origin) {
        return origin != null && (origins.contains(ANY) || origins.contains(origin));
    }

    private String allowOrigin(String origin) {
        return origins.contains(ANY) ? ANY : origin;
    }
}
