package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weights a Questionnaire gives its answers: on inline answer options, or on the concepts of a contained
 * answer ValueSet (as Argonaut-style forms do). Weights are the SDC {@code ordinalValue} or {@code itemWeight}
 * extensions.
 */
final class OptionWeights {

    static final List<String> WEIGHT_EXTENSIONS = List.of(
            "http://hl7.org/fhir/StructureDefinition/ordinalValue",
            "http://hl7.org/fhir/StructureDefinition/itemWeight",
            "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value");

    private OptionWeights() {
    }

    static Map<String, Double> of(QuestionnaireItemComponent item, Questionnaire questionnaire) {
        Map<String, Double> weights = new HashMap<>();
        for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
            if (option.hasValueCoding()) {
                Coding coding = option.getValueCoding();
                weightOf(option).or(() -> weightOf(coding)).ifPresent(weight -> weights.put(coding.getCode(), weight));
            }
        }
        if (item.hasAnswerValueSet() && item.getAnswerValueSet().startsWith("#")) {
            containedValueSet(questionnaire, item.getAnswerValueSet().substring(1)).ifPresent(valueSet -> {
                valueSet.getExpansion().getContains().forEach(concept ->
                        weightOf(concept).ifPresent(weight -> weights.put(concept.getCode(), weight)));
                valueSet.getCompose().getInclude().forEach(include -> include.getConcept().forEach(concept ->
                        weightOf(concept).ifPresent(weight -> weights.put(concept.getCode(), weight))));
            });
        }
        return weights;
    }

    /** The weight an element carries in one of the weight extensions. */
    static Optional<Double> weightOf(Element element) {
        for (String url : WEIGHT_EXTENSIONS) {
            Extension weight = element.getExtensionByUrl(url);
            if (weight != null && weight.getValue() instanceof PrimitiveType<?> number && !number.isEmpty()) {
                return Optional.of(Double.parseDouble(number.getValueAsString()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ValueSet> containedValueSet(DomainResource container, String id) {
        for (Resource contained : container.getContained()) {
            if (contained instanceof ValueSet valueSet && id.equals(valueSet.getIdElement().getIdPart())) {
                return Optional.of(valueSet);
            }
        }
        return Optional.empty();
    }
}
