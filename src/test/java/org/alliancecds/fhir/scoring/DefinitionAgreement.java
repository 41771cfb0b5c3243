package org.alliancecds.fhir.scoring;

import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a scoring definition says that its Questionnaire does not bear out. The scorer trusts the definition, so a
 * linkId it names that the form lacks, or a weighted question of the form that it does not name, would silently
 * lose answers.
 */
final class DefinitionAgreement {

    private static final Set<QuestionnaireItemType> NUMERIC = Set.of(QuestionnaireItemType.INTEGER,
            QuestionnaireItemType.DECIMAL, QuestionnaireItemType.BOOLEAN);

    private DefinitionAgreement() {
    }

    /** Every disagreement in plain words; empty when definition and form agree. */
    static List<String> problems(ScoringDefinition definition, Questionnaire questionnaire) {
        Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
        flatten(questionnaire.getItem(), items);
        List<String> problems = new ArrayList<>();
        if (!questionnaire.getUrl().endsWith("/" + definition.instrument())) {
            problems.add("canonical " + questionnaire.getUrl() + " does not end with the key " + definition.instrument());
        }
        Set<String> accounted = new HashSet<>();
        for (ScoringDefinition.Item item : definition.items()) {
            accounted.add(item.linkId());
            checkItem(definition, item, items.get(item.linkId()), problems);
        }
        for (ScoringDefinition.CodedItem coded : definition.answers()) {
            accounted.add(coded.linkId());
            requireLinkId(items, coded.linkId(), "coded answer " + coded.id(), problems);
        }
        for (Scale scale : definition.scales()) {
            accounted.addAll(scale.reportedLinkIds());
            scale.reportedLinkIds().forEach(linkId -> requireLinkId(items, linkId, "scale " + scale.id(), problems));
            problems.addAll(ScaleAgreement.problems(definition, scale));
        }
        items.values().stream()
                .filter(DefinitionAgreement::weighted)
                .filter(item -> !accounted.contains(item.getLinkId()))
                .forEach(item -> problems.add("weighted question '" + item.getLinkId() + "' is not in the definition"));
        return problems;
    }

    private static void checkItem(ScoringDefinition definition, ScoringDefinition.Item item,
                                  QuestionnaireItemComponent formItem, List<String> problems) {
        if (formItem == null) {
            problems.add("item " + item.number() + ": linkId '" + item.linkId() + "' is not in the Questionnaire");
            return;
        }
        if (item.code() != null && formItem.getCode().stream().noneMatch(code -> item.code().equals(code.getCode()))) {
            problems.add("item " + item.number() + ": the Questionnaire does not code it " + item.code());
        }
        for (QuestionnaireItemAnswerOptionComponent option : formItem.getAnswerOption()) {
            optionWeight(option).ifPresent(weight -> checkWeight(definition, item, option, weight, problems));
        }
    }

    private static void checkWeight(ScoringDefinition definition, ScoringDefinition.Item item,
                                    QuestionnaireItemAnswerOptionComponent option, double weight,
                                    List<String> problems) {
        if (weight < definition.itemMin() || weight > definition.itemMax()) {
            problems.add("item " + item.number() + ": answer weight " + weight + " is outside "
                    + definition.itemMin() + "-" + definition.itemMax());
        }
        // our own forms are scored by the definition's answer weights, so a coded option must carry the same weight
        if (option.hasValueCoding()) {
            Double listed = definition.answerWeights().get(option.getValueCoding().getCode());
            if (listed == null || listed != weight) {
                problems.add("item " + item.number() + ": option " + option.getValueCoding().getCode() + " weighs "
                        + weight + " in the form but " + listed + " in answerWeights");
            }
        }
    }

    private static Optional<Double> optionWeight(QuestionnaireItemAnswerOptionComponent option) {
        if (option.hasValueIntegerType()) {
            return Optional.of(option.getValueIntegerType().getValue().doubleValue());
        }
        return OptionWeights.weightOf(option);
    }

    /** A question whose answer is a number: numeric or yes/no, or a choice among weighted options. */
    private static boolean weighted(QuestionnaireItemComponent item) {
        return NUMERIC.contains(item.getType())
                || item.getAnswerOption().stream().anyMatch(option -> OptionWeights.weightOf(option).isPresent());
    }

    private static void requireLinkId(Map<String, QuestionnaireItemComponent> items, String linkId, String what,
                                      List<String> problems) {
        if (!items.containsKey(linkId)) {
            problems.add(what + ": linkId '" + linkId + "' is not in the Questionnaire");
        }
    }

    private static void flatten(List<QuestionnaireItemComponent> items, Map<String, QuestionnaireItemComponent> into) {
        for (QuestionnaireItemComponent item : items) {
            into.put(item.getLinkId(), item);
            flatten(item.getItem(), into);
        }
    }
}
