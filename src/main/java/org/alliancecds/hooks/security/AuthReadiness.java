package org.alliancecds.hooks.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while authentication is on but cannot verify tokens (a missing or broken trusted-issuers file). */
@Readiness
@ApplicationScoped
public class AuthReadiness implements HealthCheck {

    @Inject
    Authentication authentication;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("alliance-cds-authentication")
                .status(authentication.usable())
                .withData("authentication", authentication.required() ? "on" : "off")
                .build();
    }
}
