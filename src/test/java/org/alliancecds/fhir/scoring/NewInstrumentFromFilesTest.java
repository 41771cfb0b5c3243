package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adding an instrument is adding two files: a Questionnaire and a scoring definition. No Java changes. */
class NewInstrumentFromFilesTest {

    private static final String K3 = "https://alliance-cds.org/fhir/Questionnaire/k3";

    private static final String K3_QUESTIONNAIRE = """
            {"resourceType": "Questionnaire", "id": "k3", "url": "%s", "version": "1.0.0", "name": "K3",
             "status": "active", "publisher": "alliance-cds",
             "item": [
               {"linkId": "1", "text": "Item 1", "type": "integer", "answerOption": [
                 {"valueInteger": 0}, {"valueInteger": 1}, {"valueInteger": 2}]},
               {"linkId": "2", "text": "Item 2", "type": "integer", "answerOption": [
                 {"valueInteger": 0}, {"valueInteger": 1}, {"valueInteger": 2}]},
               {"linkId": "3", "text": "Item 3", "type": "integer", "answerOption": [
                 {"valueInteger": 0}, {"valueInteger": 1}, {"valueInteger": 2}]}]}
            """.formatted(K3);

    private static final String K3_SCORING = """
            {"instrument": "k3", "title": "K3", "questionnaire": "%s",
             "items": [{"number": 1, "linkId": "1", "code": null, "reversed": false},
                       {"number": 2, "linkId": "2", "code": null, "reversed": true},
                       {"number": 3, "linkId": "3", "code": null, "reversed": false}],
             "itemMin": 0, "itemMax": 2,
             "scales": [{"id": "total", "label": "K3 total", "items": [1, 2, 3], "method": "sum",
                         "minAnswered": 2, "prorate": true, "reportedLinkIds": [], "reportedCodes": []}]}
            """.formatted(K3);

    @TempDir
    Path profiles;

    @Test
    void aNewInstrumentIsScoredFromItsFilesAlone() throws IOException {
        copyShippedProfilesTo(profiles);
        Files.writeString(profiles.resolve("questionnaires/k3.json"), K3_QUESTIONNAIRE);
        Files.writeString(profiles.resolve("scoring/k3.json"), K3_SCORING);

        InstrumentCatalog catalog = InstrumentCatalogLoader.load(profiles);
        ScoringDefinition k3 = catalog.instrument("k3").orElseThrow();
        Questionnaire form = ProfileFiles.questionnairesByUrl(profiles).get(K3);
        assertEquals(List.of(), DefinitionAgreement.problems(k3, form));

        QuestionnaireResponse response = (QuestionnaireResponse) TestProfiles.parse(
                ResponseJson.of(K3).integer("1", 2).integer("2", 0).integer("3", 1).json());
        // item 2 is reversed: 0 + 2 - 0 = 2; total = 2 + 2 + 1 = 5
        assertEquals(Map.of("k3.total", 5.0), values(new ResponseScorer(catalog, ZoneOffset.UTC).score(response, "p1")));

        QuestionnaireResponse twoOfThree = (QuestionnaireResponse) TestProfiles.parse(
                ResponseJson.of(K3).integer("1", 2).integer("3", 1).json());
        // two of three answered, prorated: (2 + 1) * 3 / 2 = 4.5, rounded to 5 (Math.round)
        assertEquals(Map.of("k3.total", 5.0), values(new ResponseScorer(catalog, ZoneOffset.UTC).score(twoOfThree, "p1")));
        // the shipped instruments are still there beside it
        assertEquals(TestProfiles.catalog().definitions().size() + 1, catalog.definitions().size());
    }

    private static Map<String, Double> values(Scored scored) {
        return scored.scores().stream().collect(Collectors.toMap(InstrumentScore::measure, InstrumentScore::value));
    }

    private static void copyShippedProfilesTo(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(TestProfiles.PROFILES)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(TestProfiles.PROFILES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }
}
