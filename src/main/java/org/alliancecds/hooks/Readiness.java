package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Optional;

/** Ready once a generation (instruments and rule base) is in service: only then can a hook call be answered. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

    static final String NAME = "alliance-cds";

    @Inject
    InService inService;

    @Override
    public HealthCheckResponse call() {
        Optional<Generation> generation = inService.current();
        if (generation.isPresent()) {
            return HealthCheckResponse.named(NAME).up()
                    .withData("ruleBase", generation.get().ruleBase().version())
                    .withData("instruments", generation.get().instruments().size()).build();
        }
        return down(inService.whyNone().orElse(InService.STARTING));
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("ruleBase", "none").withData("reason", reason).build();
    }
}
