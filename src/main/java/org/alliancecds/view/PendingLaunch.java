package org.alliancecds.view;


/**
 * A launch between the redirect to the authorization server and its callback, kept in the view's sessions only
 * ({@link ViewSessions}): the {@code state} the callback must bring back, the PKCE verifier the token request proves
 * the code with, and where to exchange the code.
 *
 * @param iss           the FHIR server launched from
 * @param state         the state sent
 * @param codeVerifier  the PKCE code verifier (its S256 challenge was sent)
 * @param tokenEndpoint the token endpoint from the SMART configuration
 * @param redirectUri   the redirect URI sent, which the token request must repeat exactly
 */
public record PendingLaunch(String iss, String state, String codeVerifier, String tokenEndpoint, String redirectUri) {

    @Override
    public String toString() {
        return "PendingLaunch[" + iss + "]";
    }
}
