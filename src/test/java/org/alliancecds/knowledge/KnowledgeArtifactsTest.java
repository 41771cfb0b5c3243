package org.alliancecds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.alliancecds.admin.Catalogue;
import org.alliancecds.admin.CatalogueEntry;
import org.alliancecds.check.Pipelines;
import org.alliancecds.facts.Threshold;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.TriggerDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export of the shipped rules: valid under HAPI's validator, complete, and the same text for the same release. */
class KnowledgeArtifactsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Release RELEASE = new Release("2.1.0", "sha256:4f2a9c", ArtifactStatus.ACTIVE,
            Instant.parse("2026-12-01T09:30:00Z"));

    private static RuleBase ruleBase;
    private static Catalogue catalogue;
    private static ArtifactValidator validator;
    private static Bundle bundle;

    @BeforeAll
    static void exportTheShippedRules() {
        ruleBase = Pipelines.ruleBase(Path.of("rules"));
        catalogue = Catalogue.of(ruleBase);
        validator = new ArtifactValidator(FHIR);
        bundle = parsed(new KnowledgeArtifacts(FHIR).json(RELEASE, catalogue, ruleBase.thresholds()));
    }

    @Test
    void exportValid() {
        assertEquals(List.of(), validator.errors(bundle), "the Bundle as a whole");
        bundle.getEntry().forEach(entry -> assertEquals(List.of(), validator.errors(entry.getResource()),
                entry.getFullUrl()));
    }

    @Test
    void theValidationFailsAnArtifactWithoutItsStatus() {
        PlanDefinition plan = plans().get("SUICIDE-RISK-ITEM").copy();
        plan.setStatus(null);
        assertTrue(validator.errors(plan).stream().anyMatch(error -> error.contains("status")),
                () -> "no error for a missing status: " + validator.errors(plan));
    }

    @Test
    void theValidationFailsACitationWithoutItsType() {
        PlanDefinition plan = plans().get("ALLIANCE-RUPTURE").copy();
        plan.getRelatedArtifactFirstRep().setType(null);
        assertTrue(validator.errors(plan).stream().anyMatch(error -> error.contains("relatedArtifact")),
                () -> "no error for a related artifact without a type: " + validator.errors(plan));
    }

    @Test
    void theValidationFailsAConditionInPlainText() {
        // why the "When:" is the action's description and not an applicability condition
        PlanDefinition plan = plans().get("ANXIETY-PERCEPTION").copy();
        plan.getActionFirstRep().addCondition().setKind(PlanDefinition.ActionConditionKind.APPLICABILITY)
                .getExpression().setLanguage("text/plain").setExpression(plan.getActionFirstRep().getDescription());
        assertFalse(validator.errors(plan).isEmpty());
    }

    @Test
    void aCollectionOfTheThresholdsLibraryThenOnePlanDefinitionPerRuleInCatalogueOrder() {
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals("sha256:4f2a9c", bundle.getIdentifier().getValue());
        assertEquals("https://alliance-cds.org/fhir/Library/thresholds", bundle.getEntry().get(0).getFullUrl());
        List<String> rules = bundle.getEntry().stream().skip(1).map(entry -> (PlanDefinition) entry.getResource())
                .map(plan -> plan.getIdPart()).toList();
        assertEquals(catalogue.rules().stream().map(CatalogueEntry::id).toList(), rules);
        bundle.getEntry().forEach(entry -> assertEquals(((MetadataResource) entry.getResource()).getUrl(),
                entry.getFullUrl()));
        assertEquals("https://alliance-cds.org/fhir/PlanDefinition/NOT-ON-TRACK",
                plans().get("NOT-ON-TRACK").getUrl());
    }

    @Test
    void everyArtifactCarriesTheReleasesVersionStatusAndDate() {
        bundle.getEntry().stream().map(entry -> (MetadataResource) entry.getResource()).forEach(artifact -> {
            assertEquals("2.1.0", artifact.getVersion());
            assertEquals(PublicationStatus.ACTIVE, artifact.getStatus());
            assertEquals("2026-12-01T09:30:00+00:00", artifact.getDateElement().getValueAsString());
        });
        Release candidate = new Release("2.2.0-rc.1", "sha256:1", ArtifactStatus.of("draft"), RELEASE.date());
        Bundle draft = new KnowledgeArtifacts(FHIR).bundle(candidate, catalogue, ruleBase.thresholds());
        assertEquals(PublicationStatus.DRAFT, ((MetadataResource) draft.getEntryFirstRep().getResource()).getStatus());
        assertEquals(PublicationStatus.RETIRED, ArtifactStatus.RETIRED.fhir());
        assertThrows(IllegalArgumentException.class, () -> ArtifactStatus.of("unknown"));
        assertThrows(IllegalArgumentException.class, () -> new Release("2.1", "sha256:1", ArtifactStatus.ACTIVE,
                RELEASE.date()));
    }

    @Test
    void aRuleIsAnEcaRuleTriggeredByBothHooksWithItsFindingConditionAndAction() {
        Map<String, CatalogueEntry> rules = catalogue.rules().stream()
                .collect(Collectors.toMap(CatalogueEntry::id, Function.identity()));
        plans().forEach((id, plan) -> {
            CatalogueEntry rule = rules.get(id);
            assertEquals("eca-rule", plan.getType().getCodingFirstRep().getCode());
            assertEquals(rule.title(), plan.getTitle());
            assertEquals(rule.finding(), plan.getDescription());
            assertEquals(id + "|" + rule.version(), plan.getIdentifier().get(1).getValue());
            PlanDefinitionActionComponent action = plan.getActionFirstRep();
            assertEquals(rule.when(), action.getDescription());
            assertEquals(rule.action(), action.getTextEquivalent());
            assertEquals(List.of("patient-view", "encounter-start"), action.getTrigger().stream()
                    .map(TriggerDefinition::getName).toList());
            assertEquals(rule.variants().size(), action.getAction().size(), id);
        });
        assertEquals("stat", plans().get("SUICIDE-RISK-ITEM").getActionFirstRep().getPriority().toCode());
        assertEquals("routine", plans().get("ANXIETY-PERCEPTION").getActionFirstRep().getPriority().toCode());
    }

    @Test
    void aRuleCitesEachOfItsEvidenceAndDependsOnTheThresholdsOfTheSameRelease() {
        catalogue.rules().forEach(rule -> {
            List<RelatedArtifact> artifacts = plans().get(rule.id()).getRelatedArtifact();
            List<Evidence> cited = artifacts.stream()
                    .filter(artifact -> artifact.getType() == RelatedArtifactType.CITATION)
                    .map(artifact -> new Evidence(artifact.getLabel(), artifact.getCitation(), artifact.getUrl()))
                    .toList();
            assertEquals(rule.evidence(), cited, rule.id());
            RelatedArtifact thresholds = artifacts.stream()
                    .filter(artifact -> artifact.getType() == RelatedArtifactType.DEPENDSON).findFirst().orElseThrow();
            assertEquals("https://alliance-cds.org/fhir/Library/thresholds|2.1.0", thresholds.getResource());
            rule.thresholds().forEach(use -> assertTrue(thresholds.getDisplay().contains(use.id() + ": "),
                    rule.id() + " does not name " + use.id()));
        });
        assertTrue(plans().values().stream().flatMap(plan -> plan.getRelatedArtifact().stream())
                .anyMatch(artifact -> artifact.getUrl() != null && artifact.getUrl().startsWith("https://doi.org/")));
    }

    @Test
    void theLibraryCarriesEveryThresholdAsCsvAndAsATable() throws IOException {
        Library library = (Library) bundle.getEntryFirstRep().getResource();
        assertEquals("asset-collection", library.getType().getCodingFirstRep().getCode());
        assertEquals("text/csv", library.getContentFirstRep().getContentType());
        String csv = new String(library.getContentFirstRep().getData(), StandardCharsets.UTF_8);
        List<Threshold> thresholds = ruleBase.thresholds();
        List<Map<String, String>> rows = rows(csv);
        assertEquals(thresholds.size(), rows.size());
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold threshold = thresholds.get(i);
            Map<String, String> row = rows.get(i);
            assertEquals(threshold.id(), row.get("id"));
            assertEquals(threshold.value(), Double.parseDouble(row.get("value")), threshold.id());
            assertEquals(threshold.unit(), row.get("unit"));
            assertEquals(threshold.basis(), row.get("basis"));
            assertEquals(threshold.reviewed().toString(), row.get("reviewed"));
            assertTrue(library.getDescription().contains("| " + threshold.id() + " | "
                    + ThresholdTable.value(threshold.value()) + " | "), threshold.id());
        }
    }

    @Test
    void everyArtifactHasAGeneratedNarrativeWithTheRulesTextEscaped() {
        bundle.getEntry().stream().map(entry -> (MetadataResource) entry.getResource()).forEach(artifact -> {
            assertEquals(Narrative.NarrativeStatus.GENERATED, artifact.getText().getStatus());
            assertTrue(artifact.getText().getDivAsString().contains(artifact.getTitle()), artifact.getUrl());
        });
        String notOnTrack = plans().get("NOT-ON-TRACK").getText().getDivAsString();
        assertTrue(notOnTrack.contains("&lt;instrument&gt;.reliable-change"), notOnTrack);
        String library = ((Library) bundle.getEntryFirstRep().getResource()).getText().getDivAsString();
        ruleBase.thresholds().forEach(threshold -> assertTrue(library.contains(threshold.id()), threshold.id()));
    }

    @Test
    void theSameReleaseExportsTheSameText() {
        RuleBase again = Pipelines.ruleBase(Path.of("rules"));
        String first = new KnowledgeArtifacts(FHIR).json(RELEASE, catalogue, ruleBase.thresholds());
        String second = new KnowledgeArtifacts(FhirContext.forR4()).json(RELEASE, Catalogue.of(again),
                again.thresholds());
        assertEquals(first, second);
        Release retired = new Release(RELEASE.version(), RELEASE.contentHash(), ArtifactStatus.RETIRED,
                RELEASE.date());
        assertNotEquals(first, new KnowledgeArtifacts(FHIR).json(retired, catalogue, ruleBase.thresholds()));
    }

    private static Map<String, PlanDefinition> plans() {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(PlanDefinition.class::isInstance).map(PlanDefinition.class::cast)
                .collect(Collectors.toMap(PlanDefinition::getIdPart, Function.identity()));
    }

    private static Bundle parsed(String json) {
        return FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    private static List<Map<String, String>> rows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
