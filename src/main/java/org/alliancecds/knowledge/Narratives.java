package org.alliancecds.knowledge;

import org.alliancecds.facts.Threshold;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

import java.util.List;

/**
 * The human-readable text of each artifact, generated from its own elements: what a registry shows a reviewer
 * first, and what FHIR expects every resource to carry. Built as XHTML nodes, so that text such as
 * {@code <instrument>} in a rule's header is escaped, never markup.
 */
final class Narratives {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Narratives() {
    }

    static void describe(PlanDefinition plan) {
        XhtmlNode div = div(plan.getTitle(), plan.getDescription());
        PlanDefinitionActionComponent action = plan.getActionFirstRep();
        labelled(div, "When", action.getDescription());
        labelled(div, "Then", plan.getUsage());
        labelled(div, "Action", action.getTextEquivalent());
        div.para().b().tx("Evidence");
        XhtmlNode evidence = div.ul();
        plan.getRelatedArtifact().stream()
                .filter(artifact -> artifact.getType() == RelatedArtifact.RelatedArtifactType.CITATION)
                .forEach(artifact -> evidence.li().tx(artifact.getCitation()));
        plan.setText(generated(div));
    }

    static void describe(Library library, String introduction, List<Threshold> thresholds) {
        XhtmlNode div = div(library.getTitle(), introduction);
        XhtmlNode table = div.table("grid");
        XhtmlNode header = table.tr();
        List.of("id", "value", "unit", "basis", "reviewed").forEach(column -> header.th().tx(column));
        thresholds.forEach(threshold -> {
            XhtmlNode row = table.tr();
            row.td().tx(threshold.id());
            row.td().tx(ThresholdTable.value(threshold.value()));
            row.td().tx(threshold.unit());
            row.td().tx(threshold.basis());
            row.td().tx(threshold.reviewed().toString());
        });
        library.setText(generated(div));
    }

    private static XhtmlNode div(String title, String description) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", XHTML);
        div.h2().tx(title);
        div.para().tx(description);
        return div;
    }

    private static void labelled(XhtmlNode div, String label, String text) {
        XhtmlNode paragraph = div.para();
        paragraph.b().tx(label + ": ");
        paragraph.tx(text);
    }

    private static Narrative generated(XhtmlNode div) {
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }
}
