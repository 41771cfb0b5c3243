package org.alliancecds.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.rules.RuleEngine;
import org.alliancecds.rules.RuleFileException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does the expensive work before the first request: warms HAPI's parser, reads the instruments and compiles the
 * rule base, then watches them for changes. A failure leaves the service unready (health says so) with the reason in
 * the log, until a corrected file is picked up by the reload.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    FhirResources fhir;

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    @Inject
    ReloadService reloads;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            fhir.warmUp();
            scoring.load();
            engine.load();
        } catch (RuleFileException e) {
            LOG.severe(() -> "not ready: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "not ready: start-up failed", e);
        }
        reloads.start();
    }
}
