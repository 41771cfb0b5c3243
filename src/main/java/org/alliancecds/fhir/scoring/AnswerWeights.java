package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.Type;

import java.util.List;
import java.util.Optional;

/** Turns one answer into the number it counts for, whatever shape the sending system gave it. */
final class AnswerWeights {

    private static final List<String> WEIGHT_EXTENSIONS = List.of(
            "http://hl7.org/fhir/StructureDefinition/ordinalValue",
            "http://hl7.org/fhir/StructureDefinition/itemWeight",
            "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value");

    private AnswerWeights() {
    }

    /**
     * The weight of an answer: a number as given; a boolean as 1 or 0; a coding by its weight extension, else by the
     * instrument's answer list. Empty when the answer carries no usable number.
     */
    static Optional<Double> of(QuestionnaireResponseItemAnswerComponent answer, ScoringDefinition definition) {
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
            return ofCoding(answer.getValueCoding(), definition);
        }
        return Optional.empty();
    }

    private static Optional<Double> ofCoding(Coding coding, ScoringDefinition definition) {
        for (String url : WEIGHT_EXTENSIONS) {
            Extension weight = coding.getExtensionByUrl(url);
            if (weight != null && weight.getValue() instanceof PrimitiveType<?> number) {
                return Optional.of(Double.parseDouble(number.getValueAsString()));
            }
        }
        return Optional.ofNullable(coding.getCode()).map(definition.answerWeights()::get);
    }
}
