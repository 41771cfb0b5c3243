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

import java.util.List;

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
}
