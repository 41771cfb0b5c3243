package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.fhir.AllowedServers;
import org.alliancecds.fhir.DataRequest;

import java.util.Map;

/**
 * A validated hook request.
 *
 * @param service      the service called
 * @param hookInstance the EHR's id for this invocation
 * @param context      the hook context's string fields
 * @param prefetch     the prefetch object by key (JSON null kept as such)
 * @param fhirServer   the EHR's FHIR base URL, or null
 * @param accessToken  the {@code fhirAuthorization} bearer token, or null; never logged
 * @param scope        the scopes granted with it, or null
 */
record HookCall(CdsService service, String hookInstance, Map<String, String> context, Map<String, JsonNode> prefetch,
                String fhirServer, String accessToken, String scope) {

    String patientId() {
        return context.get("patientId");
    }

    /** The hook context's {@code userId} (as {@code Practitioner/123}), or null when the context has none. */
    String userId() {
        return context.get("userId");
    }

    /** What the call offers for getting the patient's data, fetching only from the servers allowed. */
    DataRequest dataRequest(AllowedServers allowedServers) {
        return new DataRequest(patientId(), context, prefetch, fhirServer, accessToken, scope, allowedServers);
    }

    @Override
    public String toString() {
        return "HookCall[" + service.id() + ", hookInstance=" + hookInstance + "]";
    }
}
