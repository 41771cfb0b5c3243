package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * What a hook call offers for getting the patient's data.
 *
 * @param patientId   the patient, as {@code 123} or {@code Patient/123}
 * @param context     the hook context's string fields, for filling prefetch templates
 * @param prefetch    the prefetch object by key; a JSON null value means the EHR has no such data
 * @param fhirServer  base URL of the EHR's FHIR server, or null
 * @param accessToken bearer token for it, or null; never logged
 */
public record DataRequest(String patientId, Map<String, String> context, Map<String, JsonNode> prefetch,
                          String fhirServer, String accessToken) {

    public DataRequest {
        context = Map.copyOf(context);
        prefetch = Map.copyOf(prefetch);
    }

    public Optional<String> server() {
        return Optional.ofNullable(fhirServer).filter(url -> !url.isBlank());
    }

    @Override
    public String toString() {
        // No patient id and no token: this may end up in a log line.
        return "DataRequest[prefetch=" + prefetch.keySet() + ", fhirServer=" + fhirServer + "]";
    }
}
