package org.alliancecds.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the scopes granted with {@code fhirAuthorization} let the service read a resource type, so that it does
 * not send a token to a server that must refuse it. SMART App Launch scopes: v1 {@code patient/Observation.read},
 * {@code user/*.read}, {@code patient/*.*}; v2 {@code patient/Observation.rs} (and any letters of {@code cruds} that
 * include the one needed: {@code s} to search, {@code r} to read by id), optionally narrowed by a query, which the
 * server enforces. See https://cds-hooks.hl7.org/2.0/#passing-the-access-token-to-the-cds-service.
 */
final class ReadScopes {

    /** The interaction the service needs: a search, or a read by id. */
    enum Interaction {
        SEARCH('s'), READ('r');

        private final char v2Letter;

        Interaction(char v2Letter) {
            this.v2Letter = v2Letter;
        }
    }

    private static final Pattern SCOPE = Pattern.compile(
            "(?:patient|user|system)/([A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)(?:\\?.*)?");

    private ReadScopes() {
    }

    /** Whether one of the space-separated scopes allows the interaction on the type. */
    static boolean allow(String scopes, String resourceType, Interaction interaction) {
        for (String scope : scopes.trim().split("\\s+")) {
            Matcher matcher = SCOPE.matcher(scope);
            if (matcher.matches() && (matcher.group(1).equals("*") || matcher.group(1).equals(resourceType))
                    && grants(matcher.group(2), interaction)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grants(String permission, Interaction interaction) {
        return switch (permission) {
            case "read", "*" -> true;
            case "write" -> false;
            default -> permission.indexOf(interaction.v2Letter) >= 0;
        };
    }
}
