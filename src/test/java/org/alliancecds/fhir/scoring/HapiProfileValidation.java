package org.alliancecds.fhir.scoring;

import ca.uhn.fhir.parser.DataFormatException;
import org.alliancecds.check.ProfileValidation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.alliancecds.fhir.scoring.ProfileFiles.CODE_SYSTEMS;
import static org.alliancecds.fhir.scoring.ProfileFiles.PROFILES;
import static org.alliancecds.fhir.scoring.ProfileFiles.QUESTIONNAIRES;

/**
 * The rules check's validation of {@code fhir-profiles/} (registered for {@link java.util.ServiceLoader}): every
 * Questionnaire, CodeSystem and profile through HAPI's R4 validator, as {@link ProfilesValidationTest} does, and
 * every scoring definition against the Questionnaire it scores. It lives with the tests because HAPI's validator is
 * a test dependency.
 */
public final class HapiProfileValidation implements ProfileValidation {

    @Override
    public Map<String, List<String>> errors(Path profilesDirectory) {
        Map<String, List<String>> errors = new TreeMap<>();
        Map<Path, Resource> readable = new LinkedHashMap<>();
        for (Path file : Stream.of(QUESTIONNAIRES, CODE_SYSTEMS, PROFILES)
                .flatMap(folder -> ProfileFiles.jsonFiles(profilesDirectory, folder).stream()).toList()) {
            try {
                readable.put(file, ProfileFiles.read(file));
            } catch (DataFormatException e) {
                put(errors, where(profilesDirectory, file), List.of("not valid FHIR R4 JSON: " + e.getMessage()));
            }
        }
        ProfileValidator validator = new ProfileValidator(TestProfiles.FHIR, readable.values().stream()
                .filter(resource -> !(resource instanceof Questionnaire)).toList());
        readable.forEach((file, resource) -> put(errors, where(profilesDirectory, file), validator.errors(resource)));
        Map<String, Questionnaire> forms = readable.values().stream().filter(Questionnaire.class::isInstance)
                .map(Questionnaire.class::cast).collect(Collectors.toMap(Questionnaire::getUrl, form -> form,
                        (first, second) -> first));
        for (ScoringDefinition definition : InstrumentCatalogLoader.load(profilesDirectory).definitions()) {
            if (definition.questionnaire() != null) {
                Questionnaire form = forms.get(definition.questionnaire());
                put(errors, "scoring definition " + definition.instrument(), form == null
                        ? List.of("no readable Questionnaire with the canonical " + definition.questionnaire())
                        : DefinitionAgreement.problems(definition, form));
            }
        }
        return errors;
    }

    private static String where(Path profilesDirectory, Path file) {
        return profilesDirectory.relativize(file).toString().replace('\\', '/');
    }

    private static void put(Map<String, List<String>> errors, String where, List<String> messages) {
        if (!messages.isEmpty()) {
            errors.put(where, messages);
        }
    }
}
