package org.alliancecds.view;

import java.time.Instant;

/**
 * A launched view, kept in the view's sessions only ({@link ViewSessions}): the FHIR server, the access token and
 * when it expires, the patient in context, and the rule the launch asked to open on.
 *
 * @param iss         the FHIR server to read from
 * @param accessToken the bearer token; never logged, never sent to the browser
 * @param scope       the scopes granted, or null when the server did not say
 * @param expiresAt   when the token expires ({@code expires_in}), or null when the server did not say
 * @param patientId   the patient in context ({@code patient} of the token response)
 * @param focus       the rule id from {@code appContext}, or null
 */
public record ViewSession(String iss, String accessToken, String scope, Instant expiresAt, String patientId,
                          String focus) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ViewSession[" + iss + ", expires " + expiresAt + "]";
    }
}
