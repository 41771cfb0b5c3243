package org.alliancecds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.admin.Catalogue;
import org.alliancecds.facts.Threshold;
import org.alliancecds.fhir.FhirResources;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MetadataResource;

import java.util.List;

/**
 * A release's catalogue exported as FHIR knowledge artifacts: a {@code collection} Bundle holding the thresholds
 * Library, then one PlanDefinition per card rule in the catalogue's order, each entry's {@code fullUrl} its canonical
 * URL. The Bundle is identified by the release's content hash and stamped with its date, so one release always
 * exports the same text.
 */
@ApplicationScoped
public class KnowledgeArtifacts {

    private FhirContext fhir;

    protected KnowledgeArtifacts() {
        // for CDI proxies
    }

    /** With the application's one FhirContext. */
    @Inject
    public KnowledgeArtifacts(FhirResources resources) {
        this(resources.context());
    }

    /** With an R4 FhirContext of the caller's (tools and tests). */
    public KnowledgeArtifacts(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * The release as a Bundle of knowledge artifacts, in FHIR JSON.
     *
     * @param release    the release's version, content hash, status and date
     * @param catalogue  the catalogue of its rule base
     * @param thresholds its thresholds table, in table order
     */
    public String json(Release release, Catalogue catalogue, List<Threshold> thresholds) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(release, catalogue, thresholds));
    }

    Bundle bundle(Release release, Catalogue catalogue, List<Threshold> thresholds) {
        Bundle bundle = new Bundle();
        bundle.setId("alliance-cds-" + release.version().replaceAll("[^A-Za-z0-9.-]", "-"));
        bundle.setIdentifier(new Identifier().setSystem(Canonicals.RELEASE_HASH_SYSTEM)
                .setValue(release.contentHash()));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestampElement(CommonMetadata.instant(release));
        add(bundle, ThresholdLibrary.of(release, thresholds));
        catalogue.rules().forEach(rule -> add(bundle, RulePlan.of(rule, release)));
        return bundle;
    }

    private static void add(Bundle bundle, MetadataResource artifact) {
        bundle.addEntry().setFullUrl(artifact.getUrl()).setResource(artifact);
    }
}
