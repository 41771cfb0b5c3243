package org.alliancecds.hooks;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.audit.AuditTrail;
import org.alliancecds.common.Caller;
import org.alliancecds.audit.InvocationNotes;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Audits every call of a hook service, {@code POST /cds-services/{id}}, whatever answers it: the service, JAX-RS
 * itself (415), or a filter that refuses it first (401, 413). A servlet filter sees them all, with the status that
 * was sent. What the call revealed is noted on the way in {@link InvocationNotes}, kept as a request attribute;
 * the request body is never kept.
 */
@WebFilter(urlPatterns = "/cds-services/*", asyncSupported = true)
public class AuditFilter extends HttpFilter {

    private static final String SERVICES = "/cds-services/";

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String serviceId = hookServiceId(request);
        if (serviceId == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        Instant received = clock.instant();
        InvocationNotes notes = new InvocationNotes();
        request.setAttribute(InvocationNotes.ATTRIBUTE, notes);
        boolean escaped = false;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            escaped = true;
            throw e;
        } finally {
            int status = escaped && !response.isCommitted() ? 500 : response.getStatus();
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            audit.invocation(notes.finish(serviceId, received, callerOf(request), status, latencyMs));
        }
    }

    /** The notes of the call being served, or notes nobody reads when the request did not pass this filter. */
    static InvocationNotes notesOf(HttpServletRequest request) {
        return request.getAttribute(InvocationNotes.ATTRIBUTE) instanceof InvocationNotes notes
                ? notes : new InvocationNotes();
    }

    /** The issuer and tenant the authentication filter established; JAX-RS properties are request attributes. */
    static Caller callerOf(HttpServletRequest request) {
        return Caller.of(request.getAttribute(Caller.ISSUER_PROPERTY), request.getAttribute(Caller.TENANT_PROPERTY));
    }

    /** The service id of a hook call, or null for any other request (discovery, feedback, other methods). */
    static String hookServiceId(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(SERVICES)) {
            return null;
        }
        String id = path.substring(SERVICES.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }
}
