package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * What a hook call offers for getting the patient's data.
 *
 * @param patientId      the patient, as {@code 123} or {@code Patient/123}
 * @param context        the hook context's string fields, for filling prefetch templates
 * @param prefetch       the prefetch object by key; a JSON null value means the EHR has no such data
 * @param fhirServer     base URL of the EHR's FHIR server, or null
 * @param accessToken    bearer token for it, or null; never logged
 * @param scope          the scopes granted with the token ({@code fhirAuthorization.scope}), or null without one
 * @param allowedServers the FHIR servers this caller may have the service fetch from
 */
public record DataRequest(String patientId, Map<String, String> context, Map<String, JsonNode> prefetch,
                          String fhirServer, String accessToken, String scope, AllowedServers allowedServers) {

    public DataRequest {
        context = Map.copyOf(context);
        prefetch = Map.copyOf(prefetch);
    }

    /** A request that can fetch from nowhere: prefetch only. */
    public static DataRequest prefetchOnly(String patientId, Map<String, String> context,
                                           Map<String, JsonNode> prefetch) {
        return new DataRequest(patientId, context, prefetch, null, null, null, AllowedServers.NONE);
    }

    public Optional<String> server() {
        return Optional.ofNullable(fhirServer).filter(url -> !url.isBlank());
    }

    /** Whether the granted scopes let the service search the type; true without a token (nothing to check). */
    boolean maySearch(String resourceType) {
        return scope == null || ReadScopes.allow(scope, resourceType, ReadScopes.Interaction.SEARCH);
    }

    /** Whether the granted scopes let the service read Questionnaires by URL or id. */
    boolean mayReadForms() {
        return scope == null || (ReadScopes.allow(scope, "Questionnaire", ReadScopes.Interaction.SEARCH)
                && ReadScopes.allow(scope, "Questionnaire", ReadScopes.Interaction.READ));
    }

    @Override
    public String toString() {
        // No patient id and no token: this may end up in a log line.
        return "DataRequest[prefetch=" + prefetch.keySet() + ", fhirServer=" + fhirServer + "]";
    }
}
