package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error responses: a status and a one-issue OperationOutcome saying what was wrong, in words an integrator reads. */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static Response response(int status, String issueType, String diagnostics) {
        ObjectNode outcome = Json.MAPPER.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", "error")
                .put("code", issueType)
                .put("diagnostics", diagnostics);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.write(outcome)).build();
    }
}
