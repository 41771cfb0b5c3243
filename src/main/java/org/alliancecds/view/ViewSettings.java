package org.alliancecds.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The view's registration with EHRs, from the settings: {@code cds.view.client-id} (default
 * {@value #DEFAULT_CLIENT_ID}), {@code cds.view.client-secret} (set: a confidential client), {@code
 * cds.view.redirect-uri} (default {@code {cds.public-base-url}/view/callback}; a path is taken on the origin the
 * launch was called at), and {@code cds.view.default-iss}, the
 * FHIR server a launch without {@code iss} starts from.
 */
@ApplicationScoped
public class ViewSettings {

    static final String DEFAULT_CLIENT_ID = "alliance-cds-view";

    @Inject
    @ConfigProperty(name = "cds.view.client-id", defaultValue = DEFAULT_CLIENT_ID)
    String clientId;

    @Inject
    @ConfigProperty(name = "cds.view.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "cds.view.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "cds.public-base-url")
    Optional<String> publicBaseUrl;

    @Inject
    @ConfigProperty(name = "cds.view.default-iss")
    Optional<String> defaultIss;

    /**
     * The client, or a problem when no redirect URI can be made (neither setting is there). A redirect URI that is a
     * path ({@code /view/callback}) is taken on the origin the browser called the launch at, for a service reached
     * under more than one name; the EHR still accepts only the URIs registered with it.
     *
     * @param called the application's root as the browser called it ({@code http://host:port/})
     */
    ViewClient client(URI called) {
        String redirect = redirectUri.filter(url -> !url.isBlank()).or(() -> publicBaseUrl
                        .filter(url -> !url.isBlank()).map(base -> base.replaceAll("/+$", "") + "/view/callback"))
                .orElseThrow(() -> new ViewProblem(503, "not-configured", "The view has no redirect URI: set "
                        + "cds.view.redirect-uri or cds.public-base-url."));
        return new ViewClient(clientId, clientSecret.filter(secret -> !secret.isBlank()).orElse(null),
                redirect.startsWith("/") ? called.resolve(redirect) : URI.create(redirect));
    }

    Optional<String> defaultIss() {
        return defaultIss.filter(iss -> !iss.isBlank());
    }
}
