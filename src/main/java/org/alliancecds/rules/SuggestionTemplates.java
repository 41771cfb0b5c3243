package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code rules/suggestions/*.json}: the CDS Hooks suggestions (label, actions with FHIR resources) that
 * rules attach to their cards by name, e.g. a Task to complete a Questionnaire. {@code {{patientId}}} in a file
 * stands for the patient of the call.
 */
final class SuggestionTemplates {

    static final String FOLDER = "suggestions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SuggestionTemplates() {
    }

    static Map<String, JsonNode> read(Path rulesDirectory, List<RuleProblem> problems) {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        Path folder = rulesDirectory.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return templates;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                try {
                    JsonNode template = JSON.readTree(file.toFile());
                    if (!template.path("label").isTextual() || !template.path("actions").isArray()) {
                        problems.add(new RuleProblem(FOLDER + file.getFileName(), 0,
                                "a suggestion needs a 'label' and an 'actions' array"));
                    } else {
                        templates.put(name, template);
                    }
                } catch (IOException e) {
                    problems.add(new RuleProblem(FOLDER + file.getFileName(), 0, "not JSON: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return templates;
    }
}
