package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same patient answers scored identically whether the PHQ-9 comes as our own Questionnaire or as a real-world
 * form with other linkIds (LOINC-coded opaque ids, LHC-Forms paths, Argonaut groups with a contained answer
 * ValueSet, the German MII form), the form travelling with the data as a prefetch {@code _include} would bring it.
 */
class ForeignFormsTest {

    private static final String OURS = "https://alliance-cds.org/fhir/Questionnaire/phq9";
    private static final String[] LOINC_ANSWERS = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};
    /** Item answers 1…9: 2,3,1,0,2,1,0,3,1 → total 13, item 9 = 1. */
    private static final int[] ANSWERS = {2, 3, 1, 0, 2, 1, 0, 3, 1};

    private final PatientScorer scorer = new PatientScorer(TestProfiles.catalog(), ZoneOffset.UTC);

    private Map<String, Double> values(List<Resource> resources) {
        return scorer.score(resources, "p1").scores().stream()
                .collect(Collectors.toMap(InstrumentScore::measure, InstrumentScore::value));
    }

    private Map<String, Double> ours() {
        ResponseJson response = ResponseJson.of(OURS);
        for (int index = 0; index < ANSWERS.length; index++) {
            response.coding(String.valueOf(index + 1), LOINC_ANSWERS[ANSWERS[index]]);
        }
        return values(List.of(TestProfiles.parse(response.json())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pco-ig-Questionnaire-PHQ9-44249-1.json", "lforms-R4-argonaut-phq9-ish.json",
            "lforms-fhir-app-R4-phq9-44249-1-x.json", "mii-proms-Questionnaire-phq-9.json"})
    void realFormsScoreLikeOurs(String file) {
        Questionnaire form = (Questionnaire) TestProfiles.resource("corpus/questionnaires/" + file);
        String reference = form.hasUrl() ? form.getUrl() + "|" + form.getVersion()
                : "Questionnaire/" + form.getIdElement().getIdPart();
        ResponseJson response = ResponseJson.of(reference);
        List<QuestionnaireItemComponent> phq9Items = phq9ItemsOf(form.getItem());
        assertEquals(9, phq9Items.size(), "test set-up: the form's nine PHQ-9 items");
        for (int index = 0; index < 9; index++) {
            response.answer(phq9Items.get(index).getLinkId(),
                    "\"valueCoding\":{\"code\":\"" + LOINC_ANSWERS[ANSWERS[index]] + "\"}");
        }
        Map<String, Double> expected = Map.of("phq9.total", 13.0, "phq9.item9", 1.0);
        assertEquals(expected, ours());
        assertEquals(expected, values(List.of(TestProfiles.parse(response.json()), form)));
    }

    /** The items coded with a PHQ-9 item code (not the difficulty question), in form order. */
    private static List<QuestionnaireItemComponent> phq9ItemsOf(List<QuestionnaireItemComponent> items) {
        List<String> codes = TestProfiles.catalog().instrument("phq9").orElseThrow().items().stream()
                .map(ScoringDefinition.Item::code).toList();
        List<QuestionnaireItemComponent> found = new ArrayList<>();
        for (QuestionnaireItemComponent item : items) {
            if (item.getCode().stream().anyMatch(code -> codes.contains(code.getCode()))) {
                found.add(item);
            }
            found.addAll(phq9ItemsOf(item.getItem()));
        }
        return found;
    }
}
