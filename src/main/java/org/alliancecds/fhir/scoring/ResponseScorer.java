package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;

import java.time.LocalDate;
import java.time.ZoneId;
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

    private final ZoneId zone;

    private static final Set<QuestionnaireResponseStatus> FINAL =
            Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

    private final FormResolver forms;

    /** @param zone the site's time zone, in which a response's day is told */
    public ResponseScorer(InstrumentCatalog catalog, ZoneId zone) {
        this.zone = zone;
        this.forms = new FormResolver(catalog);
    }

    public Scored score(QuestionnaireResponse response, String patientId) {
        return score(response, patientId, QuestionnaireIndex.EMPTY);
    }

    public Scored score(QuestionnaireResponse response, String patientId, QuestionnaireIndex questionnaires) {
        String source = FhirIds.sourceOf(response);
        Optional<String> rejection = rejection(response, patientId);
        if (rejection.isPresent()) {
            return Scored.note(source, rejection.get());
        }
        List<QuestionnaireResponseItemComponent> items = ResponseItems.of(response);
        List<String> linkIds = items.stream().map(QuestionnaireResponseItemComponent::getLinkId).toList();
        Optional<FormMapping> mapping = forms.resolve(response, questionnaires, linkIds);
        if (mapping.isEmpty() || mapping.get().isEmpty()) {
            return Scored.note(source, "ignored: not a form of an instrument we score");
        }
        String encounter = response.hasEncounter() ? response.getEncounter().getReference() : null;
        Occasion occasion = new Occasion(FhirIds.dayOf(response.getAuthoredElement(), zone), source, encounter);
        return scoreItems(mapping.get(), items, occasion);
    }

    /** When and where a response was given. */
    private record Occasion(LocalDate day, String source, String encounter) {
    }

    private static Optional<String> rejection(QuestionnaireResponse response, String patientId) {
        // A resource without status has a null status, which an immutable set refuses to look up.
        if (!response.hasStatus() || !FINAL.contains(response.getStatus())) {
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

    private static Scored scoreItems(FormMapping mapping, List<QuestionnaireResponseItemComponent> items,
                                     Occasion occasion) {
        ScoringDefinition definition = mapping.definition();
        Map<Integer, Double> weights = new HashMap<>();
        Map<String, Double> reported = new HashMap<>();
        List<CodedAnswer> answers = new ArrayList<>();
        for (QuestionnaireResponseItemComponent item : items) {
            String linkId = item.getLinkId();
            mapping.codedItem(linkId).flatMap(id -> codedAnswer(definition, id, item, occasion))
                    .ifPresent(answers::add);
            Optional<Double> weight = AnswerWeights.of(item.getAnswerFirstRep(), definition,
                    mapping.weightsFor(linkId));
            if (weight.isPresent()) {
                mapping.itemNumber(linkId).flatMap(definition::item)
                        .ifPresent(defined -> weights.put(defined.number(), definition.weigh(defined, weight.get())));
                mapping.reportedScale(linkId).ifPresent(scale -> reported.put(scale, weight.get()));
            }
        }
        ScaleCalculator.Result result = ScaleCalculator.compute(definition, weights, reported);
        List<InstrumentScore> scores = definition.scales().stream()
                .filter(scale -> result.values().containsKey(scale.id()))
                .map(scale -> InstrumentScore.measured(definition.instrument(), scale.id(), scale.label(),
                        result.values().get(scale.id()), occasion.day(), occasion.source(), definition.rater(),
                        occasion.encounter(), true).measuring(scale.construct(), scale.scaleRange()))
                .toList();
        List<ScoringNote> notes = result.notes().stream()
                .map(note -> new ScoringNote(occasion.source(), note)).toList();
        return new Scored(scores, answers, notes);
    }

    private static Optional<CodedAnswer> codedAnswer(ScoringDefinition definition, String id,
                                                     QuestionnaireResponseItemComponent item, Occasion occasion) {
        return AnswerCodes.of(item.getAnswerFirstRep()).flatMap(code -> definition.answers().stream()
                .filter(coded -> coded.id().equals(id)).findFirst()
                .map(coded -> new CodedAnswer(definition.instrument(), coded.id(), coded.label(), code,
                        occasion.day(), occasion.source(), false)));
    }
}
