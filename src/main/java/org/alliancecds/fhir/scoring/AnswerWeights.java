package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.Type;

import java.util.Map;
import java.util.Optional;

/** Turns one answer into the number it counts for, whatever shape the sending system gave it. */
final class AnswerWeights {

    private AnswerWeights() {
    }

    /**
     * The weight of an answer: a number as given; a boolean as 1 or 0; a coding by its weight extension, else by the
     * form's own answer options, else by the instrument's answer list. Empty when the answer carries no number.
     */
    static Optional<Double> of(QuestionnaireResponseItemAnswerComponent answer, ScoringDefinition definition,
                               Map<String, Double> formWeights) {
        if (!answer.hasValue()) {
            return Optional.empty();
        }
        Type value = answer.getValue();
        if (value.hasType("integer", "decimal")) {
            return Optional.of(Double.parseDouble(((PrimitiveType<?>) value).getValueAsString()));
        }
        if (value.hasType("boolean")) {
            return Optional.of(answer.getValueBooleanType().booleanValue() ? 1.0 : 0.0);
        }
        if (value.hasType("Quantity") && answer.getValueQuantity().hasValue()) {
            return Optional.of(answer.getValueQuantity().getValue().doubleValue());
        }
        if (value.hasType("Coding")) {
            return ofCoding(answer.getValueCoding(), definition, formWeights);
        }
        return Optional.empty();
    }

    private static Optional<Double> ofCoding(Coding coding, ScoringDefinition definition,
                                             Map<String, Double> formWeights) {
        Optional<Double> carried = OptionWeights.weightOf(coding);
        if (carried.isPresent() || coding.getCode() == null) {
            return carried;
        }
        return Optional.ofNullable(formWeights.get(coding.getCode()))
                .or(() -> Optional.ofNullable(definition.answerWeights().get(coding.getCode())));
    }
}
