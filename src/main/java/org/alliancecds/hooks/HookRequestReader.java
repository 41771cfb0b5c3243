package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.audit.InvocationNotes;
import org.alliancecds.fhir.scoring.FhirIds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a hook request against the CDS Hooks envelope and the service's hook: {@code hook} must be the service's,
 * {@code hookInstance} and the hook's required context present; {@code fhirServer} an http(s) URL;
 * {@code fhirAuthorization} as the spec defines it (https://cds-hooks.hl7.org/2.0/#passing-the-access-token-to-the-cds-service):
 * {@code access_token}, {@code token_type} Bearer, {@code expires_in}, {@code scope} and {@code subject} required,
 * {@code patient} a string if present, and only together with a {@code fhirServer}. Fields it does not know are
 * tolerated, as the spec requires.
 */
final class HookRequestReader {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private HookRequestReader() {
    }

    static HookCall read(String body, CdsService service) {
        return read(body, service, new InvocationNotes());
    }

    /** Reads the request, noting its envelope for the audit before anything else can refuse it. */
    static HookCall read(String body, CdsService service, InvocationNotes notes) {
        JsonNode request = Json.read(body);
        if (!request.isObject()) {
            throw CdsProblem.invalid("the request body must be a JSON object");
        }
        notes.envelope(request.path("hookInstance").textValue(), request.path("hook").textValue());
        String hook = text(request, "hook");
        if (!service.hook().equals(hook)) {
            throw CdsProblem.invalid("service " + service.id() + " answers hook '" + service.hook()
                    + "', not '" + hook + "'");
        }
        String hookInstance = text(request, "hookInstance");
        Map<String, String> context = context(request.get("context"), service);
        Map<String, JsonNode> prefetch = prefetch(request.get("prefetch"));
        String fhirServer = fhirServer(request.get("fhirServer"));
        JsonNode authorization = request.get("fhirAuthorization");
        if (authorization != null && !authorization.isNull() && fhirServer == null) {
            throw CdsProblem.invalid("'fhirAuthorization' was sent without a 'fhirServer' it is for");
        }
        FhirAuthorization granted = FhirAuthorization.read(authorization);
        return new HookCall(service, hookInstance, context, prefetch, fhirServer, granted.accessToken(),
                granted.scope());
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw CdsProblem.invalid("'" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static Map<String, String> context(JsonNode context, CdsService service) {
        if (context == null || !context.isObject()) {
            throw CdsProblem.invalid("'context' is required and must be an object");
        }
        for (String field : service.requiredContext()) {
            JsonNode value = context.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw CdsProblem.invalid("context." + field + " is required by hook " + service.hook()
                        + " and must be a non-empty string");
            }
        }
        String patientId = FhirIds.patientIdOf(context.get("patientId").asText());
        if (!FhirIds.isFhirId(patientId)) {
            throw CdsProblem.invalid("context.patientId must be a FHIR id, as 123 or Patient/123");
        }
        Map<String, String> strings = new HashMap<>();
        context.properties().stream().filter(field -> field.getValue().isTextual())
                .forEach(field -> strings.put(field.getKey(), field.getValue().asText()));
        return strings;
    }

    private static Map<String, JsonNode> prefetch(JsonNode prefetch) {
        if (prefetch == null || prefetch.isNull()) {
            return Map.of();
        }
        if (!prefetch.isObject()) {
            throw CdsProblem.invalid("'prefetch' must be an object");
        }
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        prefetch.properties().forEach(entry -> byKey.put(entry.getKey(), entry.getValue()));
        return byKey;
    }

    private static String fhirServer(JsonNode fhirServer) {
        if (fhirServer == null || fhirServer.isNull()) {
            return null;
        }
        try {
            URI uri = new URI(fhirServer.asText());
            if (!fhirServer.isTextual() || uri.getHost() == null || !WEB_SCHEMES.contains(uri.getScheme())) {
                throw CdsProblem.invalid("'fhirServer' must be an http or https URL");
            }
            return fhirServer.asText();
        } catch (URISyntaxException e) {
            throw CdsProblem.invalid("'fhirServer' must be an http or https URL");
        }
    }
}
