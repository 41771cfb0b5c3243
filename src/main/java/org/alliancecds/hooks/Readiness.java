package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready once the instruments and a rule base are in service: only then can a hook call be answered. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("alliance-cds")
                .status(scoring.ready() && engine.inService().isPresent())
                .withData("ruleBase", engine.inService().map(RuleBase::version).orElse("none"))
                .build();
    }

    /** Answers 503 to a call that arrives before start-up has finished, or after it failed. */
    static void requireReady(InstrumentScoring scoring, RuleEngine engine) {
        if (!scoring.ready() || engine.inService().isEmpty()) {
            throw new CdsProblem(503, "transient", "the service is starting or its rules failed to load; retry later");
        }
    }
}
