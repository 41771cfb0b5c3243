package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.alliancecds.common.LogText;
import java.time.Instant;
import java.util.List;

/**
 * One call of a hook service, answered or refused.
 *
 * @param id              the row's key
 * @param hookInstance    the EHR's id for the call, or null when the body did not carry one
 * @param serviceId       the service id in the path, as called
 * @param hook            the hook the body named, or null
 * @param receivedAt      when the request arrived
 * @param caller          the authenticated issuer and tenant
 * @param ruleBaseVersion the rule base that answered, or null when no rules ran
 * @param firedRules      ids of the rules that fired
 * @param cards           the cards returned
 * @param status          the HTTP status sent
 * @param issueType       the OperationOutcome issue type of an error, or null
 * @param latencyMs       from receiving the request to having the response ready
 * @param patientId       the patient's FHIR id, or null; only its pseudonym is ever written or logged
 * @param userId          the hook context's {@code userId}, or null; only its pseudonym is ever written
 */
public record InvocationAudit(String id, String hookInstance, String serviceId, String hook, Instant receivedAt,
                              Caller caller, String ruleBaseVersion, List<String> firedRules, List<CardAudit> cards,
                              int status, String issueType, long latencyMs, String patientId,
                              String userId) implements AuditEntry {

    public InvocationAudit {
        firedRules = List.copyOf(firedRules);
        cards = List.copyOf(cards);
    }

    @Override
    public String describe() {
        return "invocation " + id + " (hookInstance " + LogText.safe(hookInstance) + ", service "
                + LogText.safe(serviceId) + ", status " + status + ", " + cards.size() + " cards)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
