package org.alliancecds.view;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import java.net.URI;

/**
 * The authorization request of a SMART App Launch 2.0 (EHR launch with {@code launch}, standalone without): a fresh
 * {@code state} and PKCE verifier per launch, the S256 challenge, {@code aud} the FHIR server, and the scopes the
 * server's configuration supports. Built with the Nimbus SDK; nothing here sends a request.
 */
final class SmartLaunch {

    /** Where to send the browser, and what the callback will need. */
    record Started(URI redirect, PendingLaunch pending) {
    }

    private SmartLaunch() {
    }

    /**
     * @param iss    the FHIR server, already found on the allow-list
     * @param launch the EHR's launch id, or null for a standalone launch
     */
    static Started start(String iss, String launch, SmartConfiguration config, ViewClient client) {
        config.requireS256();
        boolean standalone = launch == null || launch.isBlank();
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(client.clientId()))
                .endpointURI(config.authorizationEndpoint())
                .redirectionURI(client.redirectUri())
                .scope(Scope.parse(config.scopes(standalone)))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("aud", iss);
        if (!standalone) {
            request.customParameter("launch", launch);
        }
        return new Started(request.build().toURI(), new PendingLaunch(iss, state.getValue(), verifier.getValue(),
                config.tokenEndpoint().toString(), client.redirectUri().toString()));
    }
}
