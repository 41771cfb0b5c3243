package org.alliancecds.check;

import org.alliancecds.fhir.scoring.HapiProfileValidation;
import org.alliancecds.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules check as the documented command runs it: with HAPI's validator over the profiles. */
class RulesCheckTest {

    private static final Path RULES = Path.of("rules");

    @Test
    void theShippedFilesPassWithTheirProfilesValidated() {
        Report report = check(Path.of("fhir-profiles"));
        assertTrue(report.passed(), report.text());
        assertTrue(report.text().contains("profiles: valid FHIR R4"), report.text());
    }

    @Test
    void anInvalidQuestionnaireAndADefinitionAtOddsWithItsFormAreReportedAtTheirFiles(@TempDir Path copy)
            throws IOException {
        Path profiles = copy.resolve("fhir-profiles");
        Folders.copy(Path.of("fhir-profiles"), profiles);
        edit(profiles.resolve("questionnaires/gad7.json"), "\"status\": \"active\"", "\"status\": \"in-force\"");
        edit(profiles.resolve("questionnaires/srs.json"), "\"linkId\": \"relationship\"", "\"linkId\": \"bond\"");
        Report report = check(profiles);
        assertFalse(report.passed(), report.text());
        assertTrue(report.text().contains("ERROR questionnaires/gad7.json: "), report.text());
        assertTrue(report.text().contains("ERROR scoring definition srs: item 1: linkId 'relationship' is not in"),
                report.text());
        assertFalse(report.text().contains("scenario cases:"), "no cases run on invalid profiles");
    }

    private static Report check(Path profiles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean passed = new RulesCheck(RULES, profiles, Clock.systemDefaultZone(),
                Optional.of(new HapiProfileValidation())).run(new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Report(passed, out.toString(StandardCharsets.UTF_8));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private record Report(boolean passed, String text) {
    }
}
