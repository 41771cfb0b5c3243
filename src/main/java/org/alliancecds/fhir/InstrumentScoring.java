package org.alliancecds.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.fhir.scoring.InstrumentCatalog;
import org.alliancecds.fhir.scoring.InstrumentCatalogLoader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Reads the instruments of {@code fhir-profiles/}. It keeps nothing: what is in service is decided by whoever puts a
 * whole generation (these instruments with a rule base) in service, so that profiles never go live without rules.
 */
@ApplicationScoped
public class InstrumentScoring {

    private static final Logger LOG = Logger.getLogger(InstrumentScoring.class.getName());

    private Path profilesDirectory;
    private Clock clock;
    private int episodeGapDays;

    protected InstrumentScoring() {
        // for CDI proxies
    }

    @Inject
    public InstrumentScoring(@ConfigProperty(name = "cds.profiles.dir", defaultValue = "fhir-profiles") String dir,
                             @ConfigProperty(name = "cds.episode.gap-days", defaultValue = "90") int episodeGapDays,
                             Clock clock) {
        this.profilesDirectory = Path.of(dir);
        this.episodeGapDays = episodeGapDays;
        this.clock = clock;
    }

    /**
     * Reads the profiles directory.
     *
     * @throws org.alliancecds.fhir.scoring.ProfileException when a profile cannot be used
     */
    public Instruments load() {
        return load(profilesDirectory);
    }

    /**
     * Reads another profiles directory: a release's, written out from the database.
     *
     * @throws org.alliancecds.fhir.scoring.ProfileException when a profile cannot be used
     */
    public Instruments load(Path directory) {
        InstrumentCatalog catalog = InstrumentCatalogLoader.load(directory);
        LOG.info(() -> catalog.definitions().size() + " instruments read from " + directory.toAbsolutePath());
        return new Instruments(catalog, clock, episodeGapDays);
    }
}
