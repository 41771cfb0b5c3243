package org.alliancecds.knowledge;

import org.alliancecds.facts.Threshold;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Library;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The thresholds table as a Library. Its type is {@code asset-collection}, not {@code logic-library}: it holds data
 * (cut-offs with their basis), no executable logic a CQL engine could load. A threshold is a value with a unit, a
 * basis and a review date, which a {@code ParameterDefinition} (name, use, type) cannot hold; so the table travels
 * whole, as the CSV the rules read ({@code content}), and as a markdown table in the {@code description} for the
 * reviewer.
 */
final class ThresholdLibrary {

    static final String CSV = "text/csv";
    private static final String LIBRARY_TYPES = "http://terminology.hl7.org/CodeSystem/library-type";
    private static final String INTRODUCTION = "The cut-offs the rules compare patients' scores against, each with "
            + "its unit, its basis (a citation, or \"provisional\" where no published cut-off exists and a site "
            + "should calibrate locally) and the date it was last reviewed.";

    private ThresholdLibrary() {
    }

    static Library of(Release release, List<Threshold> thresholds) {
        Library library = new Library();
        CommonMetadata.apply(library, release, Canonicals.THRESHOLDS_ID, Canonicals.thresholdsLibrary(),
                "AllianceCdsThresholds", "Thresholds of the Alliance CDS rule base");
        library.setType(new CodeableConcept(new Coding(LIBRARY_TYPES, "asset-collection", "Asset Collection")));
        library.setDescription(INTRODUCTION + "\n\n" + ThresholdTable.markdown(thresholds));
        library.setPurpose("Every threshold lives in this one table, never in a rule's text, so a cut-off is "
                + "reviewed and changed in one place.");
        library.addContent(new Attachment()
                .setContentType(CSV)
                .setTitle("thresholds.csv")
                .setData(ThresholdTable.csv(thresholds).getBytes(StandardCharsets.UTF_8)));
        Narratives.describe(library, INTRODUCTION, thresholds);
        return library;
    }
}
