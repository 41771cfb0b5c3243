package org.alliancecds.view;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The callback of a launch, in three steps around the one request the boundary sends: the authorization response
 * checked against the pending launch ({@code state} first, so that a forged callback never reaches the token
 * endpoint), the token request with the PKCE verifier (client_secret_basic for a confidential client), and the token
 * response read into a {@link ViewSession}, which must name the patient. Messages are the Nimbus SDK's.
 */
final class SmartCallback {

    private SmartCallback() {
    }

    /** The token request for the callback URI (redirect URI with its query), when its state is the launch's. */
    static TokenRequest tokenRequest(URI callback, PendingLaunch pending, ViewClient client) {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callback);
        } catch (ParseException e) {
            throw new ViewProblem(400, "callback", "The EHR's answer to the launch cannot be read. Open the view "
                    + "again from the EHR.");
        }
        if (response.getState() == null || !Objects.equals(response.getState().getValue(), pending.state())) {
            throw new ViewProblem(400, "state-mismatch", "This answer does not belong to the launch of this browser"
                    + " session (state differs), so it was not used. Open the view again from the EHR.");
        }
        if (!response.indicatesSuccess()) {
            throw refused(((AuthorizationErrorResponse) response).getErrorObject(), "authorization-refused",
                    "The EHR did not authorise the view");
        }
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(),
                URI.create(pending.redirectUri()), new CodeVerifier(pending.codeVerifier()));
        URI endpoint = URI.create(pending.tokenEndpoint());
        return client.confidential()
                ? new TokenRequest(endpoint, new ClientSecretBasic(new ClientID(client.clientId()),
                        new Secret(client.clientSecret())), grant)
                : new TokenRequest(endpoint, new ClientID(client.clientId()), grant);
    }

    /** The launched view of a token response; the patient is required (a launch without one shows nothing). */
    static ViewSession session(TokenResponse answer, PendingLaunch pending, Instant now) {
        if (!answer.indicatesSuccess()) {
            throw refused(answer.toErrorResponse().getErrorObject(), "token-refused",
                    "The EHR refused to give the view a token");
        }
        AccessTokenResponse success = answer.toSuccessResponse();
        AccessToken token = success.getTokens().getAccessToken();
        Object patient = success.getCustomParameters().get("patient");
        if (!(patient instanceof String id) || id.isBlank()) {
            throw new ViewProblem(502, "no-patient", "The EHR launched the view without a patient in context. Open "
                    + "it from a patient's chart.");
        }
        Instant expires = token.getLifetime() > 0 ? now.plusSeconds(token.getLifetime()) : null;
        String scope = token.getScope() == null ? null : token.getScope().toString();
        String focus = AppContext.rule(success.getCustomParameters().get("appContext")).orElse(null);
        return new ViewSession(pending.iss(), token.getValue(), scope, expires, id, focus);
    }

    private static ViewProblem refused(ErrorObject error, String problem, String what) {
        String code = error == null || error.getCode() == null ? "unknown" : error.getCode();
        String description = error == null || error.getDescription() == null ? "" : ": " + error.getDescription();
        return new ViewProblem(problem.equals("token-refused") ? 502 : 400, problem,
                what + " (" + code + description + "). Open the view again from the EHR.");
    }
}
