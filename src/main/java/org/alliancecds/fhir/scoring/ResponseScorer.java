package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.fhir.scoring.ScaleCalculator.Outcome;
import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one QuestionnaireResponse of one patient. Forms that are not ours or mapped onto ours are ignored;
 * responses that are unfinished, undated, or about someone else are rejected with a note.
 */
public final class ResponseScorer {

    private static final Set<QuestionnaireResponseStatus> FINAL =
            Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);
    private static final double CONFLICT_TOLERANCE = 0.5;

    private final InstrumentCatalog catalog;

    public ResponseScorer(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    public Scored score(QuestionnaireResponse response, String patientId) {
        String source = FhirIds.sourceOf(response);
        Optional<String> rejection = rejection(response, patientId);
        if (rejection.isPresent()) {
            return Scored.note(source, rejection.get());
        }
        List<QuestionnaireResponseItemComponent> items = ResponseItems.of(response);
        List<String> linkIds = items.stream().map(QuestionnaireResponseItemComponent::getLinkId).toList();
        Optional<FormMapping> mapping = catalog.mappingFor(response.getQuestionnaire(), linkIds);
        if (mapping.isEmpty()) {
            return Scored.note(source, "ignored: not a form of an instrument we score");
        }
        return scoreItems(mapping.get(), items, FhirIds.dayOf(response.getAuthoredElement()), source);
    }

    private static Optional<String> rejection(QuestionnaireResponse response, String patientId) {
        if (!FINAL.contains(response.getStatus())) {
            return Optional.of("ignored: status is " + (response.hasStatus() ? response.getStatus().toCode() : "missing"));
        }
        if (!response.hasSubject() || !response.getSubject().hasReference()) {
            return Optional.of("rejected: no subject, so it cannot be attributed to this patient");
        }
        if (!FhirIds.refersTo(response.getSubject(), patientId)) {
            return Optional.of("rejected: its subject is not the patient of this request");
        }
        if (!response.hasAuthored()) {
            return Optional.of("rejected: no authored date, so it cannot be placed in time");
        }
        return Optional.empty();
    }

    private Scored scoreItems(FormMapping mapping, List<QuestionnaireResponseItemComponent> items, LocalDate day,
                              String source) {
        ScoringDefinition definition = mapping.definition();
        Map<Integer, Double> weights = new HashMap<>();
        Map<String, Double> reported = new HashMap<>();
        for (QuestionnaireResponseItemComponent item : items) {
            Optional<Double> weight = AnswerWeights.of(item.getAnswerFirstRep(), definition);
            if (weight.isEmpty()) {
                continue;
            }
            mapping.itemNumber(item.getLinkId()).flatMap(definition::item)
                    .ifPresent(defined -> weights.put(defined.number(), definition.weigh(defined, weight.get())));
            mapping.reportedScale(item.getLinkId()).ifPresent(scale -> reported.put(scale, weight.get()));
        }
        List<InstrumentScore> scores = new ArrayList<>();
        List<ScoringNote> notes = new ArrayList<>();
        for (Scale scale : definition.scales()) {
            Outcome outcome = ScaleCalculator.compute(scale, weights);
            Double reportedValue = reported.get(scale.id());
            Double value = outcome.scored() ? outcome.value() : outcome.answered() == 0 ? reportedValue : null;
            if (value == null) {
                if (outcome.answered() > 0 || reportedValue != null) {
                    notes.add(new ScoringNote(source, scale.label() + " not scored: " + outcome.answered() + " of "
                            + scale.items().size() + " items answered, " + scale.requiredAnswers() + " needed"));
                }
                continue;
            }
            if (outcome.scored() && reportedValue != null && Math.abs(reportedValue - value) > CONFLICT_TOLERANCE) {
                notes.add(new ScoringNote(source, scale.label() + ": the form reports " + reportedValue
                        + " but its items give " + value + "; the items are used"));
            }
            scores.add(new InstrumentScore(definition.instrument(), scale.id(), scale.label(), value, day, source,
                    false));
        }
        return new Scored(scores, notes);
    }
}
