package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.alliancecds.fhir.scoring.ProfileFiles.CODE_SYSTEMS;
import static org.alliancecds.fhir.scoring.ProfileFiles.PROFILES;
import static org.alliancecds.fhir.scoring.ProfileFiles.QUESTIONNAIRES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped fhir-profiles are valid FHIR R4 (no error-level message from HAPI's validator; LOINC cannot be checked
 * offline, so its warnings are accepted) and every scoring definition agrees with the Questionnaire it scores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilesValidationTest {

    private static final String RESPONSE_PROFILE =
            "https://alliance-cds.org/fhir/StructureDefinition/alliance-questionnaireresponse";

    private ProfileValidator validator;
    private final Map<String, Questionnaire> questionnaires = ProfileFiles.questionnairesByUrl(TestProfiles.PROFILES);

    @BeforeAll
    void buildTheValidatorOnce() {
        validator = new ProfileValidator(TestProfiles.FHIR,
                ProfileFiles.readAll(TestProfiles.PROFILES, CODE_SYSTEMS, PROFILES));
    }

    Stream<Path> fhirFiles() {
        return Stream.of(QUESTIONNAIRES, CODE_SYSTEMS, PROFILES)
                .flatMap(folder -> ProfileFiles.jsonFiles(TestProfiles.PROFILES, folder).stream());
    }

    Stream<ScoringDefinition> definitionsWithAForm() {
        return TestProfiles.catalog().definitions().stream().filter(definition -> definition.questionnaire() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhirFiles")
    void isValidFhirR4(Path file) {
        assertEquals(List.of(), validator.errors(ProfileFiles.read(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitionsWithAForm")
    void definitionAgreesWithItsQuestionnaire(ScoringDefinition definition) {
        Questionnaire questionnaire = questionnaires.get(definition.questionnaire());
        assertNotNull(questionnaire, "no Questionnaire with the canonical " + definition.questionnaire());
        assertEquals(List.of(), DefinitionAgreement.problems(definition, questionnaire));
    }

    @Test
    void everyQuestionnaireIsScoredAndFiledUnderItsKey() {
        Set<String> scored = definitionsWithAForm().map(ScoringDefinition::questionnaire).collect(Collectors.toSet());
        assertEquals(scored, questionnaires.keySet());
        for (Path file : ProfileFiles.jsonFiles(TestProfiles.PROFILES, QUESTIONNAIRES)) {
            Questionnaire questionnaire = (Questionnaire) ProfileFiles.read(file);
            String key = questionnaire.getIdElement().getIdPart();
            assertEquals(key + ".json", file.getFileName().toString());
            assertEquals("https://alliance-cds.org/fhir/Questionnaire/" + key, questionnaire.getUrl());
        }
    }

    @Test
    void observationOnlyInstrumentsSayWhichCodesTheyRead() {
        List<ScoringDefinition> observationOnly = TestProfiles.catalog().definitions().stream()
                .filter(definition -> definition.questionnaire() == null)
                .toList();
        assertEquals(Set.of("moca", "minicog"),
                observationOnly.stream().map(ScoringDefinition::instrument).collect(Collectors.toSet()));
        for (ScoringDefinition definition : observationOnly) {
            assertTrue(definition.items().isEmpty(), definition.instrument());
            assertTrue(definition.scales().stream().noneMatch(scale -> scale.reportedCodes().isEmpty()),
                    definition.instrument());
        }
    }

    @Test
    void theAgreementCheckCatchesAMissingLinkIdAndAnUnscoredQuestion() {
        ScoringDefinition srs = TestProfiles.catalog().instrument("srs").orElseThrow();
        ScoringDefinition renamed = new ScoringDefinition(srs.instrument(), srs.title(), srs.questionnaire(),
                srs.rater(), List.of(new ScoringDefinition.Item(1, "relation", null, false)), Map.of(), 0, 10,
                List.of(), List.of());
        List<String> problems = DefinitionAgreement.problems(renamed, questionnaires.get(srs.questionnaire()));
        assertTrue(problems.contains("item 1: linkId 'relation' is not in the Questionnaire"), problems.toString());
        assertTrue(problems.contains("weighted question 'overall' is not in the definition"), problems.toString());
    }

    @Test
    void responseProfileAcceptsAResponseWeScore() {
        QuestionnaireResponse scored = response(ResponseJson.of("https://alliance-cds.org/fhir/Questionnaire/srs")
                .decimal("relationship", 9.5).json());
        assertEquals(List.of(), validator.errors(scored, RESPONSE_PROFILE));
    }

    @Test
    void responseProfileRejectsAnUnfinishedResponseWithoutSubject() {
        String unfinished = ResponseJson.of("https://alliance-cds.org/fhir/Questionnaire/srs").subject(null)
                .decimal("relationship", 9.5).json().replace("\"completed\"", "\"in-progress\"");
        List<String> errors = validator.errors(response(unfinished), RESPONSE_PROFILE);
        assertTrue(errors.stream().anyMatch(error -> error.contains("acds-qr-1")), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.contains("QuestionnaireResponse.subject")),
                errors.toString());
        assertFalse(errors.isEmpty());
    }

    private static QuestionnaireResponse response(String json) {
        return (QuestionnaireResponse) TestProfiles.parse(json);
    }
}
