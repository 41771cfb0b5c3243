package org.alliancecds.hooks.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while authentication is on but cannot verify tokens (a missing or broken trusted-issuers file, no
 * configured base URL for {@code aud}), with the reason as data.
 */
@Readiness
@ApplicationScoped
public class AuthReadiness implements HealthCheck {

    @Inject
    Authentication authentication;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("alliance-cds-authentication")
                .status(authentication.usable())
                .withData("authentication", authentication.required() ? "on" : "off");
        authentication.problem().ifPresent(problem -> response.withData("problem", problem));
        return response.build();
    }
}
