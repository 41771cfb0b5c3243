package org.alliancecds.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.check.Pipelines;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.hooks.CdsProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Try it": scenario cases and plain requests through the service's handler, with the facts for the chart. */
class TryEvaluatorTest {

    private static final Path RULES = Path.of("rules");
    private static final Path SCENARIOS = RULES.resolve(ScenarioCases.FOLDER);

    private static TryEvaluator evaluator;

    @BeforeAll
    static void buildThePipeline() {
        // Pipelines' handler scores against the default zone's today, so the cases' dates must resolve in it too.
        evaluator = new TryEvaluator(Pipelines.handler(RULES), Clock.systemDefaultZone());
    }

    @Test
    void aScenarioFileFiresAsExpected() throws IOException {
        TryResult result = evaluator.evaluate(file("SUICIDE-RISK-ITEM/in-item9-at-1.json"));
        assertEquals("scenario", result.kind());
        assertEquals(List.of("SUICIDE-RISK-ITEM"), result.expected());
        assertEquals(Boolean.TRUE, result.passed());
        assertEquals(List.of("SUICIDE-RISK-ITEM"), result.fired().stream().map(TryResult.FiredRule::id).toList());
        assertEquals(1, result.cards().size());
        assertEquals("critical", result.cards().get(0).indicator());
        assertEquals("SUICIDE-RISK-ITEM", result.cards().get(0).source().topic().code());
        TryResult.FiredRule fired = result.fired().get(0);
        assertEquals("Positive PHQ-9 suicide item", fired.title());
        assertEquals(List.of("phq9.item9.positive"), fired.thresholds());
        assertEquals("phq9.item9", fired.scores().get(0).measure());
        assertEquals(LocalDate.now().toString(), fired.scores().get(0).date());
        assertNull(result.problem());
        assertEquals("alliance-patient-view", result.service());
    }

    @Test
    void everyShippedCasePassesThroughTryIt() {
        List<String> failures = new ArrayList<>();
        for (ScenarioCase scenario : ScenarioCases.read(RULES, LocalDate.now())) {
            String text = read(SCENARIOS.resolve(scenario.file()));
            TryResult result = evaluator.evaluate(text);
            if (!Boolean.TRUE.equals(result.passed())) {
                failures.add(scenario.file() + ": missing " + result.missing() + ", unexpected "
                        + result.unexpected() + ", problem " + result.problem());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aFailingCaseSaysWhatWasMissingAndWhatWasNot() throws IOException {
        ObjectNode scenario = (ObjectNode) AdminJson.MAPPER.readTree(file("SUICIDE-RISK-ITEM/in-item9-at-1.json"));
        scenario.putArray("fires").add("ANXIETY-PERCEPTION");
        TryResult result = evaluator.evaluate(scenario.toString());
        assertEquals(Boolean.FALSE, result.passed());
        assertEquals(List.of("ANXIETY-PERCEPTION"), result.missing());
        assertEquals(List.of("SUICIDE-RISK-ITEM"), result.unexpected());
    }

    @Test
    void aPlainRequestIsAnsweredWithTheChartData() throws IOException {
        JsonNode scenario = AdminJson.MAPPER.readTree(file("NOT-ON-TRACK/out-no-change-before-session-6.json"));
        TryResult result = evaluator.evaluate(scenario.get("request").toString());
        assertEquals("request", result.kind());
        assertNull(result.expected());
        assertNull(result.passed());
        assertEquals(List.of("ALLIANCE-LOW-NOW"), result.fired().stream().map(TryResult.FiredRule::id).toList());
        PatientChart chart = result.chart();
        assertEquals(4, chart.alliance().size());
        chart.alliance().forEach(point -> {
            assertEquals("srs", point.instrument());
            assertEquals(point.value() / 40, point.normalised(), 1e-9);
            assertTrue(point.currentEpisode());
        });
        assertEquals(LocalDate.now().minusDays(21).toString(), chart.alliance().get(0).date());
        assertEquals(List.of(new PatientChart.Cut("srs.total", "SRS total", "srs.total.low", 36, 0.9)), chart.cuts());
        assertEquals(4, chart.trajectory().points());
        assertEquals(1, chart.symptoms().size());
        PatientChart.Series phq9 = chart.symptoms().get(0);
        assertEquals("PHQ-9 total", phq9.label());
        assertEquals(2, phq9.points().size());
        assertTrue(phq9.points().get(0).date().compareTo(phq9.points().get(1).date()) < 0, "oldest first");
        assertFalse(chart.scores().isEmpty());
    }

    @Test
    void noFhirServerIsEverCalled() throws IOException {
        ObjectNode request = (ObjectNode) AdminJson.MAPPER.readTree(file("SUICIDE-RISK-ITEM/in-item9-at-1.json"))
                .get("request");
        ((ObjectNode) request.get("prefetch")).remove("responses");
        // nothing listens here; the evaluator must not even try
        request.put("fhirServer", "http://127.0.0.1:9/fhir");
        request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer");
        TryResult result = evaluator.evaluate(request.toString());
        assertEquals(412, result.problem().status());
        assertTrue(result.problem().message().contains("names no fhirServer"), result.problem().message());
        assertTrue(result.notes().get(0).contains("never calls a FHIR server"), result.notes().toString());
        assertEquals(List.of(), result.cards());
        assertEquals(List.of(), result.chart().alliance());
    }

    @Test
    void aBodyThatIsNotARequestIsTheCallersError() {
        assertEquals(400, assertThrows(CdsProblem.class, () -> evaluator.evaluate("not json")).status());
        assertEquals(400, assertThrows(CdsProblem.class, () -> evaluator.evaluate("[1]")).status());
        assertEquals(400, assertThrows(CdsProblem.class, () -> evaluator.evaluate("{\"request\": 1}")).status());
        assertEquals(400, assertThrows(CdsProblem.class, () -> evaluator.evaluate("")).status());
    }

    @Test
    void theServicesOwnRefusalIsShownNotThrown() {
        TryResult result = evaluator.evaluate("{\"hook\": \"order-sign\", \"hookInstance\": \"x\"}");
        assertEquals(404, result.problem().status());
        assertEquals("alliance-order-sign", result.service());
    }

    private static String file(String name) {
        return read(SCENARIOS.resolve(name));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(path + " cannot be read", e);
        }
    }
}
