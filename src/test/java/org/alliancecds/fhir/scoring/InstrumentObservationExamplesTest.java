package org.alliancecds.fhir.scoring;

import java.time.ZoneOffset;
import org.alliancecds.facts.InstrumentScore;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores that arrive as Observations, read by the codes the shipped scoring definitions list. */
class InstrumentObservationExamplesTest {

    private static final String LOINC = "http://loinc.org";
    private static final String PCO = "http://hl7.org/fhir/us/pco/CodeSystem/readiness-assessment-concepts";

    private final ObservationScorer scorer = new ObservationScorer(TestProfiles.catalog(), ZoneOffset.UTC);

    private static Observation observation(String system, String code, String value) {
        return (Observation) TestProfiles.parse("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-04-10T15:05:00Z\","
                + value + "}");
    }

    /** The one score an Observation gives. */
    private InstrumentScore only(Observation observation) {
        List<InstrumentScore> scores = scorer.score(observation, "p1").scores();
        assertEquals(1, scores.size(), scores.toString());
        return scores.get(0);
    }

    private static String loincAnswer(String code, String display) {
        return "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + LOINC + "\",\"code\":\"" + code
                + "\",\"display\":\"" + display + "\"}]}";
    }

    @Test
    void pcoRulerObservationsGiveImportanceAndConfidence() {
        // the Person-Centered Outcomes IG examples: importance LA10140-4 "8", confidence LA6114-8 "3";
        // the value is the number the LOINC answer's display states
        InstrumentScore importance = only(observation(PCO + "-temporary", "importance", loincAnswer("LA10140-4", "8")));
        InstrumentScore confidence = only(observation(PCO, "confidence", loincAnswer("LA6114-8", "3")));
        assertEquals("ruler.importance", importance.measure());
        assertEquals(8.0, importance.value());
        assertEquals("ruler.confidence", confidence.measure());
        assertEquals(3.0, confidence.value());
        assertEquals(LocalDate.of(2026, 4, 10), confidence.date());
    }

    @Test
    void pcoReadinessPanelIsNotMistakenForARating() {
        Scored panel = scorer.score(observation(PCO + "-temporary", "readiness-assessment", "\"valueString\":\"x\""),
                "p1");
        assertTrue(panel.scores().isEmpty());
        assertEquals("ignored: not a code we read", panel.notes().get(0).message());
    }

    @Test
    void mocaTotalReadsAsIntegerOrQuantity() {
        InstrumentScore asInteger = only(observation(LOINC, "72172-0", "\"valueInteger\":24"));
        InstrumentScore asQuantity = only(observation(LOINC, "72172-0",
                "\"valueQuantity\":{\"value\":27,\"unit\":\"{score}\",\"system\":\"http://unitsofmeasure.org\","
                        + "\"code\":\"{score}\"}"));
        // MoCA 24 and 27 of 30, as sent
        assertEquals("moca.total", asInteger.measure());
        assertEquals(24.0, asInteger.value());
        assertEquals("moca.total", asQuantity.measure());
        assertEquals(27.0, asQuantity.value());
        assertFalse(asInteger.fromForm(), "an Observation does not make a session");
    }

    @Test
    void miniCogTotalIsRead() {
        InstrumentScore miniCog = only(observation(LOINC, "72233-0", "\"valueInteger\":2"));
        // Mini-Cog 2 of 5, as sent
        assertEquals("minicog.total", miniCog.measure());
        assertEquals(2.0, miniCog.value());
    }
}
