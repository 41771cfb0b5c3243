package org.alliancecds.hooks;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the service as a status and an OperationOutcome; nothing else reaches the EHR. */
final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());
    private static final Map<Integer, String> ISSUE_TYPES = Map.of(
            400, "invalid", 404, "not-found", 405, "not-supported", 406, "not-supported", 413, "too-costly",
            415, "not-supported");

    private ErrorMappers() {
    }

    /** Problems the service recognised. */
    @Provider
    public static class Problems implements ExceptionMapper<CdsProblem> {
        @Override
        public Response toResponse(CdsProblem problem) {
            return OperationOutcomes.response(problem.status(), problem.issueType(), problem.getMessage());
        }
    }

    /** HTTP-level errors JAX-RS raises itself: unknown path, wrong method, wrong content type. */
    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            String reason = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return OperationOutcomes.response(status, ISSUE_TYPES.getOrDefault(status, "processing"),
                    reason + ": " + exception.getMessage());
        }
    }

    /** A fault of ours: logged with an id the EHR's staff can quote, answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException exception) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unexpected failure, incident " + incident, exception);
            return OperationOutcomes.response(500, "exception",
                    "the service failed unexpectedly; incident " + incident);
        }
    }
}
