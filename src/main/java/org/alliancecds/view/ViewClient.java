package org.alliancecds.view;

import java.net.URI;

/**
 * How the view is registered with an EHR's authorization server: its client id, its secret when it is a
 * confidential client (client_secret_basic), else null for a public client (PKCE only), and its redirect URI.
 */
public record ViewClient(String clientId, String clientSecret, URI redirectUri) {

    public boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        // no secret: this may end up in a log line
        return "ViewClient[" + clientId + ", " + (confidential() ? "confidential" : "public") + ", " + redirectUri
                + "]";
    }
}
