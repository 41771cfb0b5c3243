package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.alliancecds.testing.LogLines;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A form that cannot be fetched is logged, with the reference the EHR gave made safe for one line. */
class QuestionnaireFetcherTest {

    @Test
    void theReferenceInTheLogLineIsSanitised() {
        QuestionnaireFetcher fetcher = new QuestionnaireFetcher();
        // Port 1 on loopback, allowed: nothing listens, the fetch fails at once.
        String server = "http://127.0.0.1:1/fhir";
        DataRequest request = new DataRequest("p1", Map.of("patientId", "p1"), Map.of(), server, null,
                "user/Questionnaire.read", AllowedServers.parse(server + " allow-http allow-private"));
        FhirFetch fetches = FhirFetch.open(FhirContext.forR4Cached(), request, "a form",
                new FhirFetch.Settings(Duration.ofSeconds(30), 1_000_000, 1));
        try (LogLines log = LogLines.of(QuestionnaireFetcher.class)) {
            assertTrue(fetcher.fetch(fetches, "Questionnaire/q1\nSEVERE: forged").isEmpty());
            List<String> lines = log.lines().stream().filter(line -> line.contains("could not be fetched")).toList();
            assertEquals(1, lines.size(), log.lines()::toString);
            assertFalse(lines.get(0).contains("\n"), lines.get(0));
            assertTrue(lines.get(0).contains("Questionnaire/q1 SEVERE: forged"), lines.get(0));
        }
    }
}
