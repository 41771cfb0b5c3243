package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps another organisation's Questionnaire onto one of our instruments by the codes on its items (a LOINC item
 * code is the same item whatever the linkId), and takes the weights of its answer options where it gives them.
 */
final class QuestionnaireMapping {

    private QuestionnaireMapping() {
    }

    static Optional<FormMapping> of(Questionnaire questionnaire, List<ScoringDefinition> definitions) {
        List<QuestionnaireItemComponent> items = new ArrayList<>();
        flatten(questionnaire.getItem(), items);
        return definitions.stream()
                .map(definition -> mapping(definition, questionnaire, items))
                .filter(mapping -> !mapping.itemsByLinkId().isEmpty())
                .max(Comparator.comparingInt(mapping -> mapping.itemsByLinkId().size()));
    }

    private static FormMapping mapping(ScoringDefinition definition, Questionnaire questionnaire,
                                       List<QuestionnaireItemComponent> items) {
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, String> reported = new HashMap<>();
        Map<String, Map<String, Double>> weights = new HashMap<>();
        for (QuestionnaireItemComponent item : items) {
            for (Coding code : item.getCode()) {
                definition.items().stream().filter(defined -> code.getCode().equals(defined.code()))
                        .forEach(defined -> numbers.put(item.getLinkId(), defined.number()));
                definition.scales().stream()
                        .filter(scale -> scale.reportedCodes().contains(code.getSystem() + "|" + code.getCode()))
                        .forEach(scale -> reported.put(item.getLinkId(), scale.id()));
            }
            Map<String, Double> optionWeights = OptionWeights.of(item, questionnaire);
            if (!optionWeights.isEmpty()) {
                weights.put(item.getLinkId(), optionWeights);
            }
        }
        return new FormMapping(definition, numbers, reported, Map.of(), weights);
    }

    private static void flatten(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> flat) {
        for (QuestionnaireItemComponent item : items) {
            if (item.hasLinkId()) {
                flat.add(item);
            }
            flatten(item.getItem(), flat);
        }
    }
}
