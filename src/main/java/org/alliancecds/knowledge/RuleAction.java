package org.alliancecds.knowledge;

import org.alliancecds.admin.CatalogueEntry;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.PlanDefinition.RequestPriority;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.TriggerDefinition.TriggerType;

import java.util.List;
import java.util.Map;

/**
 * The event, condition and action of a rule: triggered by the hooks the service answers, applicable when its
 * "When:" holds, and advising what its card advises; a finding with variants has one sub-action each, with its
 * card's summary template.
 * <p>
 * The condition is described, not encoded: R4 makes {@code Expression.language} mandatory and its code system
 * (CQL, FHIRPath, FHIR query) complete, so prose cannot be an applicability {@code condition} that validates
 * ({@code text/plain} is an error under HAPI's validator), and no CQL or FHIRPath equivalent of the rules exists. The
 * "When:" is therefore the action's {@code description}, and its {@code documentation} names the Drools rule that
 * executes it. An action without a condition reads "when triggered"; the description says otherwise.
 * <p>
 * The card's indicator becomes the action's priority, keeping its order: {@code info} is {@code routine},
 * {@code warning} is {@code urgent} (act on it in this session), {@code critical} is {@code stat} (safety, today).
 */
final class RuleAction {

    static final List<String> HOOKS = List.of("patient-view", "encounter-start");
    private static final Map<String, RequestPriority> PRIORITIES = Map.of(
            "info", RequestPriority.ROUTINE,
            "warning", RequestPriority.URGENT,
            "critical", RequestPriority.STAT);

    private RuleAction() {
    }

    static PlanDefinitionActionComponent of(CatalogueEntry rule) {
        PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
        action.setTitle(rule.title());
        action.setDescription(rule.when());
        action.setTextEquivalent(rule.action());
        action.setPriority(priority(rule.indicator()));
        HOOKS.forEach(hook -> action.addTrigger().setType(TriggerType.NAMEDEVENT).setName(hook));
        action.addDocumentation(new RelatedArtifact()
                .setType(RelatedArtifact.RelatedArtifactType.DOCUMENTATION)
                .setLabel("condition")
                .setDisplay("The condition is executed by the Drools rule rules/" + rule.file()
                        + " of this release; the description says it in words."));
        rule.variants().forEach(variant -> action.addAction(variant(rule, variant)));
        return action;
    }

    private static PlanDefinitionActionComponent variant(CatalogueEntry rule, CatalogueEntry.Variant variant) {
        PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
        // the finding's own rule has no category: its title is the finding's
        action.setTitle(variant.category().isEmpty() ? rule.title() : rule.title() + ": " + variant.category());
        action.setDescription("Its card's indicator: " + variant.indicator() + ". The text is its summary template: "
                + "{$…} stands for the patient's data that matched, {#…} for a threshold."
                + (variant.history() == null ? "" : " Reads history: " + variant.history()));
        action.setTextEquivalent(variant.summary());
        action.setPriority(priority(variant.indicator()));
        return action;
    }

    private static RequestPriority priority(String indicator) {
        RequestPriority priority = PRIORITIES.get(indicator);
        if (priority == null) {
            throw new IllegalArgumentException("no such card indicator: " + indicator);
        }
        return priority;
    }
}
