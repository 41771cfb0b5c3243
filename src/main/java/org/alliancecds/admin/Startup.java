package org.alliancecds.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.alliancecds.fhir.FhirResources;
import org.alliancecds.release.ReleaseServing;
import org.alliancecds.release.ReleaseSettings;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does the expensive work before the first request: warms HAPI's parser, then has the first generation (instruments
 * and rule base) put in service: the directories' (watched), or with {@code cds.rules.source=releases} the active
 * release's (polled). A failure leaves the service unready (readiness says
 * why, the reload history has it) while the load is retried with a growing pause, and a corrected file is picked up
 * by the reload.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    FhirResources fhir;

    @Inject
    ReloadService reloads;

    @Inject
    ReleaseSettings releaseSettings;

    @Inject
    ReleaseServing releases;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            fhir.warmUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "warming up the FHIR parser failed; the first call will pay for it", e);
        }
        if (releaseSettings.fromReleases()) {
            releases.start();
        } else {
            reloads.start();
        }
    }
}
