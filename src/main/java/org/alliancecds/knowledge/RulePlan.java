package org.alliancecds.knowledge;

import org.alliancecds.admin.CatalogueEntry;
import org.alliancecds.admin.ThresholdUse;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.rules.Evidence;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.UsageContext;

import java.util.stream.Collectors;

/**
 * One card rule as a PlanDefinition of type {@code eca-rule}: the finding is its description, the card it gives its
 * usage, its evidence citations, and the thresholds Library of the same release what it depends on. The event,
 * condition and action are its one action ({@link RuleAction}).
 * <p>
 * Its {@code version} is the release's, since what it does depends on the whole release (thresholds, evidence,
 * shared classification rules); the rule's own {@code @version} is a second identifier, {@code id|version}.
 */
final class RulePlan {

    private static final String PLAN_TYPES = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
    private static final String USAGE_CONTEXTS = "http://terminology.hl7.org/CodeSystem/usage-context-type";
    private static final String WORKFLOW = "CDS Hooks: a clinician opens a patient's chart (patient-view) or starts "
            + "a therapy session (encounter-start)";

    private RulePlan() {
    }

    static PlanDefinition of(CatalogueEntry rule, Release release) {
        PlanDefinition plan = new PlanDefinition();
        CommonMetadata.apply(plan, release, rule.id(), Canonicals.planDefinition(rule.id()),
                Canonicals.computableName(rule.id()), rule.title());
        plan.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Canonicals.RULE_ID_SYSTEM)
                .setValue(rule.id());
        plan.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(Canonicals.RULE_VERSION_SYSTEM)
                .setValue(rule.id() + "|" + rule.version());
        plan.setType(new CodeableConcept(new Coding(PLAN_TYPES, "eca-rule", "ECA Rule")));
        plan.setDescription(rule.finding());
        plan.setUsage(usage(rule));
        plan.addUseContext(context("focus", "Clinical Focus", rule.title()));
        plan.addUseContext(context("workflow", "Workflow Setting", WORKFLOW));
        // the Coding every card of this rule carries as source.topic, so cards and feedback join their artifact
        plan.addTopic(new CodeableConcept(new Coding(CardAssembler.RULES_SYSTEM, rule.id(), rule.title())));
        rule.evidence().forEach(evidence -> plan.addRelatedArtifact(citation(evidence)));
        plan.addRelatedArtifact(thresholds(rule, release));
        plan.addAction(RuleAction.of(rule));
        Narratives.describe(plan);
        return plan;
    }

    private static String usage(CatalogueEntry rule) {
        StringBuilder usage = new StringBuilder(rule.then());
        if (rule.escalation() != null) {
            usage.append(" Raised to a ").append(rule.escalation())
                    .append(" card when a low patient rating of the alliance is among what it matched.");
        }
        if (rule.safety()) {
            usage.append(" A safety finding: its card comes first and stands outside the cap on the number of cards.");
        } else {
            usage.append(" Rank among the other cards: ").append(rule.priority())
                    .append(" (lower first; cards past the cap are folded into the first card's \"Also:\").");
        }
        return usage.toString();
    }

    private static UsageContext context(String code, String display, String text) {
        return new UsageContext(new Coding(USAGE_CONTEXTS, code, display), new CodeableConcept().setText(text));
    }

    private static RelatedArtifact citation(Evidence evidence) {
        RelatedArtifact citation = new RelatedArtifact()
                .setType(RelatedArtifact.RelatedArtifactType.CITATION)
                .setLabel(evidence.id())
                .setCitation(evidence.citation());
        if (evidence.hasUrl()) {
            citation.setUrl(evidence.url());
        }
        return citation;
    }

    private static RelatedArtifact thresholds(CatalogueEntry rule, Release release) {
        String uses = rule.thresholds().stream().map(RulePlan::threshold).collect(Collectors.joining("; "));
        return new RelatedArtifact()
                .setType(RelatedArtifact.RelatedArtifactType.DEPENDSON)
                .setLabel(Canonicals.THRESHOLDS_ID)
                .setDisplay(uses.isEmpty() ? "The thresholds table" : "Thresholds it relies on: " + uses)
                .setResource(Canonicals.thresholdsLibrary() + "|" + release.version());
    }

    private static String threshold(ThresholdUse use) {
        return use.id() + ": " + ThresholdTable.value(use.value()) + " " + use.unit();
    }
}
