package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores sent as Observations (a PHQ-9 total, a MoCA total): matched by code onto a scale that lists the code
 * among its reported codes.
 */
public final class ObservationScorer {

    private final ZoneId zone;

    private static final Set<ObservationStatus> FINAL =
            Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED);

    private final InstrumentCatalog catalog;

    /** @param zone the site's time zone, in which an observation's day is told */
    public ObservationScorer(InstrumentCatalog catalog, ZoneId zone) {
        this.zone = zone;
        this.catalog = catalog;
    }

    public Scored score(Observation observation, String patientId) {
        String source = FhirIds.sourceOf(observation);
        Optional<Match> match = match(observation);
        if (match.isEmpty()) {
            return Scored.note(source, "ignored: not a code we read");
        }
        // A resource without status has a null status, which an immutable set refuses to look up.
        if (!observation.hasStatus() || !FINAL.contains(observation.getStatus())) {
            return Scored.note(source, "ignored: status is "
                    + (observation.hasStatus() ? observation.getStatus().toCode() : "missing"));
        }
        if (!observation.hasSubject() || !FhirIds.refersTo(observation.getSubject(), patientId)) {
            return Scored.note(source, "rejected: its subject is not the patient of this request");
        }
        if (ObservationValues.timestampOf(observation).isEmpty()) {
            return Scored.note(source, "rejected: no effective date, so it cannot be placed in time");
        }
        Optional<Double> value = ObservationValues.numberOf(observation);
        if (value.isEmpty()) {
            return Scored.note(source, "rejected: no numeric value");
        }
        Match found = match.get();
        String encounter = observation.hasEncounter() ? observation.getEncounter().getReference() : null;
        InstrumentScore score = InstrumentScore.measured(found.definition().instrument(), found.scale().id(),
                found.scale().label(), value.get(),
                FhirIds.dayOf(ObservationValues.timestampOf(observation).get(), zone),
                source, found.definition().rater(), encounter, false)
                .measuring(found.scale().construct(), found.scale().scaleRange());
        return new Scored(List.of(score), List.of(), List.of());
    }

    private record Match(ScoringDefinition definition, Scale scale) {
    }

    private Optional<Match> match(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            String key = coding.getSystem() + "|" + coding.getCode();
            for (ScoringDefinition definition : catalog.definitions()) {
                for (Scale scale : definition.scales()) {
                    if (scale.reportedCodes().contains(key)) {
                        return Optional.of(new Match(definition, scale));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
