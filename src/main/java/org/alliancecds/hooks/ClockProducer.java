package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one clock of the application, in the site's time zone ({@code cds.zone}, an IANA zone; the JVM's by default):
 * "today", a score's day and every date a card prints are told in it. Tests and tools build their own.
 */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "cds.zone")
    Optional<String> zone;

    @Produces
    public Clock clock() {
        return Clock.system(siteZone(zone));
    }

    /** The zone a setting names, or the JVM's; a name that is not a zone stops the deployment with its reason. */
    static ZoneId siteZone(Optional<String> setting) {
        try {
            return setting.filter(name -> !name.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
        } catch (DateTimeException e) {
            throw new IllegalStateException("cds.zone '" + setting.orElse("") + "' is not an IANA time zone"
                    + " (e.g. Europe/Berlin, America/New_York)", e);
        }
    }
}
