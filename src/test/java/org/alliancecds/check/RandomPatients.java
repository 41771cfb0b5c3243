package org.alliancecds.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.fhir.scoring.ScoringDefinition;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Random patients as CDS Hooks requests: one to six sessions over the past weeks, each with a random choice of our
 * instruments answered at random within their item ranges, sometimes an intake form and cognitive screens.
 * Seeded, so a failure can be replayed.
 */
final class RandomPatients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://alliance-cds.org/fhir/Questionnaire/";
    private static final List<String> STYLES = List.of("practical", "empathic", "both", "not-sure");

    private final Random random;
    private final List<ScoringDefinition> forms;
    private final LocalDate today;

    RandomPatients(long seed, List<ScoringDefinition> definitions, LocalDate today) {
        this.random = new Random(seed);
        this.forms = definitions.stream().filter(definition -> definition.questionnaire() != null
                && !definition.items().isEmpty()).toList();
        this.today = today;
    }

    /** A patient-view request for a new random patient, with no demographics yet. */
    ObjectNode next(String patientId) {
        ObjectNode request = JSON.createObjectNode().put("hook", "patient-view")
                .put("hookInstance", "00000000-0000-4000-8000-" + String.format("%012d", random.nextInt(1_000_000)));
        request.putObject("context").put("userId", "Practitioner/p").put("patientId", patientId);
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.putObject("patient").put("resourceType", "Patient").put("id", patientId);
        ArrayNode responses = searchset(prefetch.putObject("responses"));
        int sessions = 1 + random.nextInt(6);
        for (int session = 0; session < sessions; session++) {
            LocalDate day = today.minusDays(7L * (sessions - 1 - session));
            for (ScoringDefinition form : forms) {
                if (random.nextInt(3) == 0) {
                    responses.addObject().set("resource", response(form, patientId, day));
                }
            }
        }
        if (random.nextBoolean()) {
            responses.addObject().set("resource", intake(patientId, today.minusDays(7L * (sessions - 1))));
        }
        ArrayNode observations = searchset(prefetch.putObject("observations"));
        if (random.nextBoolean()) {
            observations.addObject().set("resource", screen(patientId, random.nextBoolean() ? "72172-0" : "72233-0"));
        }
        prefetch.putNull("episodes");
        return request;
    }

    private static ArrayNode searchset(ObjectNode bundle) {
        return bundle.put("resourceType", "Bundle").put("type", "searchset").putArray("entry");
    }

    private ObjectNode resource(String type, String patientId) {
        ObjectNode resource = JSON.createObjectNode().put("resourceType", type)
                .put("id", type.toLowerCase() + "-" + random.nextInt(Integer.MAX_VALUE)).put("status", "completed");
        resource.putObject("subject").put("reference", "Patient/" + patientId);
        return resource;
    }

    private ObjectNode response(ScoringDefinition form, String patientId, LocalDate day) {
        ObjectNode response = resource("QuestionnaireResponse", patientId)
                .put("questionnaire", form.questionnaire()).put("authored", day + "T10:00:00Z");
        ArrayNode items = response.putArray("item");
        int span = (int) (form.itemMax() - form.itemMin());
        for (ScoringDefinition.Item item : form.items()) {
            items.addObject().put("linkId", item.linkId()).putArray("answer").addObject()
                    .put("valueInteger", (int) form.itemMin() + random.nextInt(span + 1));
        }
        return response;
    }

    private ObjectNode intake(String patientId, LocalDate day) {
        ObjectNode intake = resource("QuestionnaireResponse", patientId).put("questionnaire", BASE + "intake")
                .put("authored", day + "T09:00:00Z");
        ArrayNode items = intake.putArray("item");
        items.addObject().put("linkId", "mandated").putArray("answer").addObject()
                .put("valueBoolean", random.nextBoolean());
        if (random.nextBoolean()) {
            items.addObject().put("linkId", "preferred-style").putArray("answer").addObject().putObject("valueCoding")
                    .put("system", "https://alliance-cds.org/fhir/CodeSystem/intake")
                    .put("code", STYLES.get(random.nextInt(STYLES.size())));
        }
        return intake;
    }

    private ObjectNode screen(String patientId, String loinc) {
        ObjectNode observation = resource("Observation", patientId).put("status", "final")
                .put("effectiveDateTime", today + "T08:00:00Z").put("valueInteger", random.nextInt(31));
        observation.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", loinc);
        return observation;
    }
}
