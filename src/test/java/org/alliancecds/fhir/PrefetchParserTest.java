package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetchParserTest {

    // As the boundary reads requests: exact decimals, so HAPI gets the digits the EHR sent.
    private static final ObjectMapper REQUESTS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private final PrefetchParser parser = new PrefetchParser(
            (IJsonLikeParser) FhirContext.forR4Cached().newJsonParser());

    @Test
    void aBundleGivesItsEntriesReadFromTheRequestTreeWithTheirDecimalsAsSent() throws Exception {
        JsonNode bundle = REQUESTS.readTree("""
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Observation",
                 "id":"o1","status":"final","code":{"text":"score"},"valueQuantity":{"value":12.50}}}]}""");
        List<Resource> resources = parser.resources("observations", bundle).orElseThrow();
        Observation observation = (Observation) resources.get(0);
        assertEquals("o1", observation.getIdElement().getIdPart());
        assertEquals("12.50", observation.getValueQuantity().getValueElement().getValueAsString());
    }

    @Test
    void anOperationOutcomeMeansNothingUsable() throws Exception {
        JsonNode outcome = REQUESTS.readTree("""
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing"}]}""");
        assertTrue(parser.resources("responses", outcome).isEmpty());
    }

    @Test
    void anUnknownResourceTypeIsTheClientsError() throws Exception {
        JsonNode invalid = REQUESTS.readTree("""
                {"resourceType":"NoSuchResource","id":"x"}""");
        InvalidPrefetchException refused = assertThrows(InvalidPrefetchException.class,
                () -> parser.resources("observations", invalid));
        assertTrue(refused.getMessage().startsWith("prefetch 'observations' is not valid FHIR R4 JSON"),
                refused.getMessage());
    }

    private InvalidPrefetchException refused(String key, String json) throws Exception {
        JsonNode value = REQUESTS.readTree(json);
        return assertThrows(InvalidPrefetchException.class, () -> parser.resources(key, value),
                () -> "accepted: " + json);
    }

    @Test
    void aBundleWhoseEntryIsNotAnArrayIsRefusedNamingTheElement() throws Exception {
        InvalidPrefetchException refused = refused("responses", """
                {"resourceType":"Bundle","type":"searchset","entry":"x"}""");
        assertTrue(refused.getMessage().contains("Bundle.entry: expected an array, found a string"),
                refused.getMessage());
        assertTrue(refused.getMessage().startsWith("prefetch 'responses' is not valid FHIR R4 JSON"),
                refused.getMessage());
    }

    @Test
    void anEntryThatIsNotAnObjectIsRefused() throws Exception {
        InvalidPrefetchException refused = refused("responses", """
                {"resourceType":"Bundle","type":"searchset","entry":["x"]}""");
        assertTrue(refused.getMessage().contains("Bundle.entry[0]: expected an object, found a string"),
                refused.getMessage());
    }

    @Test
    void anAnswerOfTheWrongJsonTypeInsideAResponseIsRefusedNamingTheElement() throws Exception {
        InvalidPrefetchException refused = refused("responses", """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{
                 "resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/p"},
                 "item":[{"linkId":"/44260-8","answer":"LA6571-9"}]}}]}""");
        assertTrue(refused.getMessage().contains("Bundle.entry[0].resource.item[0].answer: expected an array"),
                refused.getMessage());
    }

    @Test
    void anArrayForASingleValueIsRefused() throws Exception {
        InvalidPrefetchException refused = refused("observations", """
                {"resourceType":"Observation","status":"final","code":{"text":"score"},
                 "valueQuantity":[{"value":12}]}""");
        assertTrue(refused.getMessage().contains("Observation.valueQuantity: expected one value"),
                refused.getMessage());
    }

    /** Found by FuzzIT: a contained resource's type nested in arrays, or blank, was a 500. */
    @Test
    void aResourceInsideABundleWithoutATypeNameIsRefusedNamingTheElement() throws Exception {
        for (String type : List.of("[{\"n\":[\"QuestionnaireResponse\"]}]", "\"\"", "7")) {
            InvalidPrefetchException refused = refused("responses", """
                    {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":%s}}]}"""
                    .formatted(type));
            assertTrue(refused.getMessage().contains("Bundle.entry[0].resource.resourceType: expected the name of a "
                    + "resource type"), refused.getMessage());
        }
    }

    /** The negative control: what real EHRs add to resources is not refused. */
    @Test
    void unknownElementsAndExtensionsAreTolerated() throws Exception {
        JsonNode bundle = REQUESTS.readTree("""
                {"resourceType":"Bundle","type":"searchset","vendorTotal":{"a":1},"entry":[{"search":{"mode":"match"},
                 "resource":{"resourceType":"Observation","id":"o1","status":"final","epicFlags":["x"],
                  "_status":{"extension":[{"url":"https://ehr.example.org/status-source","valueString":"device"}]},
                  "extension":[{"url":"https://ehr.example.org/department","valueCode":"psy"}],
                  "code":{"text":"score","vendorCode":7},"valueQuantity":{"value":12}}}]}""");
        List<Resource> resources = parser.resources("observations", bundle).orElseThrow();
        assertEquals(1, resources.size());
        assertEquals(1, resources.get(0).getChildByName("extension").getValues().size());
    }

    /** Every FHIR resource of the external corpus and of the test resources is read, not refused. */
    @Test
    void everyResourceOfTheCorporaIsRead() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/corpus"), Path.of("../shared/corpus"),
                Path.of("fhir-profiles"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(file -> file.toString().endsWith(".json")).forEach(files::add);
                }
            }
        }
        assertTrue(files.size() > 20, () -> "test set-up: the corpora were not found: " + files);
        int read = 0;
        for (Path file : files) {
            for (JsonNode resource : fhirResourcesIn(REQUESTS.readTree(file.toFile()))) {
                try {
                    parser.resources(file.getFileName().toString(), resource);
                    read++;
                } catch (InvalidPrefetchException e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }
        }
        assertTrue(read > 20, "only " + read + " resources read");
    }

    /** The document itself when it is a FHIR resource, and the prefetch values of a CDS Hooks request. */
    private static List<JsonNode> fhirResourcesIn(JsonNode document) {
        List<JsonNode> found = new ArrayList<>();
        if (document.path("resourceType").isTextual()) {
            found.add(document);
        }
        document.path("prefetch").forEach(value -> {
            if (value.path("resourceType").isTextual()) {
                found.add(value);
            }
        });
        return found;
    }
}
