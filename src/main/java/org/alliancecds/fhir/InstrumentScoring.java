package org.alliancecds.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.scoring.CarePeriods;
import org.alliancecds.fhir.scoring.InstrumentCatalog;
import org.alliancecds.fhir.scoring.InstrumentCatalogLoader;
import org.alliancecds.fhir.scoring.PatientScorer;
import org.alliancecds.fhir.scoring.Scored;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The instruments of {@code fhir-profiles/} in service: scores patient records and says which prefetch queries the
 * services need.
 */
@ApplicationScoped
public class InstrumentScoring {

    private static final Logger LOG = Logger.getLogger(InstrumentScoring.class.getName());

    private Path profilesDirectory;
    private Clock clock;
    private int episodeGapDays;
    private volatile Loaded loaded;

    private record Loaded(InstrumentCatalog catalog, PatientScorer scorer, List<PrefetchQuery> queries) {
    }

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

    /** Reads the profiles directory and puts its instruments in service. */
    public void load() {
        InstrumentCatalog catalog = InstrumentCatalogLoader.load(profilesDirectory);
        loaded = new Loaded(catalog, new PatientScorer(catalog, clock.getZone()), PrefetchQueries.of(catalog));
        LOG.info(() -> catalog.definitions().size() + " instruments in service from "
                + profilesDirectory.toAbsolutePath());
    }

    public boolean ready() {
        return loaded != null;
    }

    public List<PrefetchQuery> queries() {
        return current().queries();
    }

    /** Questionnaires the record's responses name that nothing here resolves. */
    public Set<String> unknownForms(PatientRecord record) {
        return current().scorer().unknownForms(record.resources());
    }

    /** The patient's facts, and notes on what was not scored. */
    public ScoredPatient score(PatientRecord record) {
        Scored scored = current().scorer().score(record.resources(), record.patientId());
        PatientFacts facts = PatientFacts.of(record.patientId(), scored.scores(), scored.answers(),
                CarePeriods.of(record.resources(), record.patientId(), clock.getZone()), LocalDate.now(clock), episodeGapDays);
        return new ScoredPatient(facts, scored.notes());
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null) {
            throw new IllegalStateException("instruments are not loaded yet");
        }
        return now;
    }
}
