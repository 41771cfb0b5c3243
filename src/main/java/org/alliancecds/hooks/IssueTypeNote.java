package org.alliancecds.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.alliancecds.audit.InvocationNotes;

/**
 * Notes the issue type of an error answer for the audit. Every error leaves as an OperationOutcome built by
 * {@link OperationOutcomes}; reading its code back here covers the service's own problems and the errors JAX-RS
 * raises itself alike.
 */
@Provider
public class IssueTypeNote implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400
                && request.getProperty(InvocationNotes.ATTRIBUTE) instanceof InvocationNotes notes
                && response.getEntity() instanceof String body) {
            notes.issueType(issueType(body));
        }
    }

    static String issueType(String operationOutcome) {
        try {
            return Json.MAPPER.readTree(operationOutcome).path("issue").path(0).path("code").textValue();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
