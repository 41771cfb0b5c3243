package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request's {@code fhirAuthorization}, checked field by field against CDS Hooks 2.0
 * (https://cds-hooks.hl7.org/2.0/#passing-the-access-token-to-the-cds-service): {@code access_token},
 * {@code token_type} ("Bearer"; compared without case, as OAuth 2.0 token types are, RFC 6749 section 5.1),
 * {@code expires_in} (seconds), {@code scope} and {@code subject} are required; {@code patient} is optional. A field
 * that is missing or of the wrong type is a 400 that names it.
 *
 * @param accessToken the bearer token, or null when the request has none; never logged
 * @param scope       the scopes granted, or null when the request has no token
 */
record FhirAuthorization(String accessToken, String scope) {

    private static final String FIELD = "fhirAuthorization";

    static FhirAuthorization read(JsonNode authorization) {
        if (authorization == null || authorization.isNull()) {
            return new FhirAuthorization(null, null);
        }
        if (!authorization.isObject()) {
            throw CdsProblem.invalid("'" + FIELD + "' must be an object");
        }
        String token = requiredText(authorization, "access_token");
        if (!"bearer".equalsIgnoreCase(requiredText(authorization, "token_type"))) {
            throw CdsProblem.invalid(FIELD + ".token_type must be Bearer");
        }
        JsonNode expiresIn = authorization.get("expires_in");
        if (expiresIn == null || !expiresIn.canConvertToLong() || !expiresIn.isIntegralNumber()
                || expiresIn.asLong() <= 0) {
            throw CdsProblem.invalid(FIELD + ".expires_in is required and must be a positive whole number of "
                    + "seconds");
        }
        String scope = requiredText(authorization, "scope");
        requiredText(authorization, "subject");
        JsonNode patient = authorization.get("patient");
        if (patient != null && !patient.isTextual()) {
            throw CdsProblem.invalid(FIELD + ".patient must be a string when present");
        }
        return new FhirAuthorization(token, scope);
    }

    private static String requiredText(JsonNode authorization, String field) {
        JsonNode value = authorization.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw CdsProblem.invalid(FIELD + "." + field + " is required and must be a non-empty string");
        }
        return value.asText();
    }

    @Override
    public String toString() {
        return "FhirAuthorization[scope=" + scope + "]";
    }
}
