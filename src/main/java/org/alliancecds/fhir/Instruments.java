package org.alliancecds.fhir;

import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.scoring.CarePeriods;
import org.alliancecds.fhir.scoring.InstrumentCatalog;
import org.alliancecds.fhir.scoring.PatientScorer;
import org.alliancecds.fhir.scoring.Scored;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One reading of {@code fhir-profiles/}, never changed afterwards: its instruments, the scorer built from them and
 * the prefetch queries they need. A reload makes a new one, so a call that took one sees one set of profiles.
 */
public final class Instruments {

    private final InstrumentCatalog catalog;
    private final PatientScorer scorer;
    private final List<PrefetchQuery> queries;
    private final Clock clock;
    private final int episodeGapDays;

    Instruments(InstrumentCatalog catalog, Clock clock, int episodeGapDays) {
        this.catalog = catalog;
        this.scorer = new PatientScorer(catalog, clock.getZone());
        this.queries = List.copyOf(PrefetchQueries.of(catalog));
        this.clock = clock;
        this.episodeGapDays = episodeGapDays;
    }

    /** How many instruments are defined. */
    public int size() {
        return catalog.definitions().size();
    }

    /** The prefetch queries these instruments need, in discovery order. */
    public List<PrefetchQuery> queries() {
        return queries;
    }

    /** Questionnaires the record's responses name that nothing here resolves. */
    public Set<String> unknownForms(PatientRecord record) {
        return scorer.unknownForms(record.resources());
    }

    /** The patient's facts, and notes on what was not scored. */
    public ScoredPatient score(PatientRecord record) {
        Scored scored = scorer.score(record.resources(), record.patientId());
        PatientFacts facts = PatientFacts.of(record.patientId(), scored.scores(), scored.answers(),
                CarePeriods.of(record.resources(), record.patientId(), clock.getZone()), LocalDate.now(clock),
                episodeGapDays);
        return new ScoredPatient(facts, scored.notes());
    }
}
