package org.alliancecds.view;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.common.LogText;
import org.alliancecds.fhir.AllowedServer;
import org.alliancecds.fhir.AllowedServers;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.fhir.ServerHttp;
import org.alliancecds.hooks.security.Authentication;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The two steps of a launch that talk to the EHR: reading its SMART configuration, and exchanging the code for a
 * token. Both only with a FHIR server the hooks may fetch from ({@link Authentication#fhirServersOfAnyIssuer()}),
 * the authorization and token endpoints only on that server's origin or an authorization server its entry lists
 * ({@link AllowedServer#authorizationServer}), both through the defended client ({@link ServerHttp}); a server not
 * allowed gets no request at all, and the code (with a client secret) goes to no other host.
 */
@ApplicationScoped
public class ViewAccess {

    private static final Logger LOG = Logger.getLogger(ViewAccess.class.getName());

    private Supplier<AllowedServers> servers;
    private ServerHttp http;
    private Function<URI, ViewClient> client;
    private Optional<String> defaultIss;
    private Clock clock;

    protected ViewAccess() {
        // for CDI proxies
    }

    @Inject
    public ViewAccess(Authentication authentication, ServerHttp http, ViewSettings settings, Clock clock) {
        this(authentication::fhirServersOfAnyIssuer, http, settings::client, settings.defaultIss(), clock);
    }

    /**
     * @param servers    the FHIR servers a launch may come from, asked at each launch (a reload may change them)
     * @param client     the view's registration for the root the browser called, asked at each launch (a problem
     *                   when it is not configured)
     * @param defaultIss the FHIR server of a launch that names none
     */
    ViewAccess(Supplier<AllowedServers> servers, ServerHttp http, Function<URI, ViewClient> client,
               Optional<String> defaultIss, Clock clock) {
        this.servers = servers;
        this.http = http;
        this.client = client;
        this.defaultIss = defaultIss;
        this.clock = clock;
    }

    /**
     * The redirect of a launch from {@code iss} (or the default FHIR server), with its pending state.
     *
     * @param called the application's root as the browser called it
     */
    SmartLaunch.Started launch(String iss, String launch, URI called) {
        String server = iss == null || iss.isBlank() ? defaultIss.orElseThrow(() -> new ViewProblem(400,
                "no-iss", "The launch names no FHIR server (iss). Open the view from the EHR.")) : iss.trim();
        AllowedServer allowed = allowed(server);
        ViewClient client = this.client.apply(called);
        ServerHttp.Answer answer = fetch(() -> http.get(allowed,
                URI.create(server.replaceAll("/+$", "") + "/.well-known/smart-configuration")));
        if (answer.status() != 200) {
            throw new ViewProblem(502, "smart-configuration", "The EHR's SMART configuration could not be read "
                    + "(HTTP " + answer.status() + "). Ask the EHR's administrators.");
        }
        SmartConfiguration config = SmartConfiguration.parse(answer.body());
        authorizationServer(allowed, config.authorizationEndpoint(), "authorization endpoint",
                "send the browser there");
        authorizationServer(allowed, config.tokenEndpoint(), "token endpoint", "send it a code");
        return SmartLaunch.start(server, launch, config, client);
    }

    /** The launched view for the callback URI of a pending launch. */
    ViewSession callback(URI callback, PendingLaunch pending, URI called) {
        TokenRequest request = SmartCallback.tokenRequest(callback, pending, client.apply(called));
        HTTPRequest sent = request.toHTTPRequest();
        // asked again: the allow-list may have been reloaded since the launch
        AllowedServer allowed = authorizationServer(allowed(pending.iss()), sent.getURI(), "token endpoint",
                "send it a code");
        ServerHttp.Answer answer = fetch(() -> http.post(allowed, sent.getURI(), sent.getHeaderMap(),
                sent.getBody()));
        try {
            HTTPResponse received = new HTTPResponse(answer.status());
            if (answer.contentType() != null) {
                received.setContentType(answer.contentType());
            }
            received.setBody(answer.body());
            ViewSession session = SmartCallback.session(TokenResponse.parse(received), pending, clock.instant());
            LOG.info(() -> "clinician view launched from " + LogText.safe(pending.iss()) + " for "
                    + LogText.patient(session.patientId()));
            return session;
        } catch (ParseException e) {
            throw new ViewProblem(502, "token-refused", "The EHR's token endpoint answered something that is not a "
                    + "token response (HTTP " + answer.status() + ").");
        }
    }

    private AllowedServer allowed(String iss) {
        return servers.get().covering(iss).orElseThrow(() -> new ViewProblem(403,
                "iss-not-allowed", "The FHIR server " + LogText.safe(iss) + " is not one this service may read"
                + " from. Ask the service's operator to register the EHR."));
    }

    /** The entry a request to the endpoint goes out under, or a problem when it may not go there. */
    private static AllowedServer authorizationServer(AllowedServer allowed, URI endpoint, String what,
                                                     String refused) {
        return allowed.authorizationServer(endpoint.toString()).orElseThrow(() -> new ViewProblem(502,
                "smart-configuration", "The EHR's " + what + " is neither on its FHIR server's host nor on an "
                + "authorization server registered for it, so the view will not " + refused + ". Ask the service's "
                + "operator to register the EHR's authorization server."));
    }

    private static ServerHttp.Answer fetch(Supplier<ServerHttp.Answer> request) {
        try {
            return request.get();
        } catch (DataUnavailableException e) {
            LOG.info(() -> "clinician view: the EHR could not be reached: " + e.detail());
            throw new ViewProblem(502, "ehr-unreachable", "The EHR's server could not be reached. Try again, or ask "
                    + "the EHR's administrators.");
        }
    }
}
