package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.Optional;

/**
 * Reads one prefetch value: a Bundle gives its entries, a resource itself. An OperationOutcome means the EHR's own
 * fetch failed, which is reported as "nothing usable" so the caller can fetch it instead. HAPI reads the JSON tree
 * the request was parsed into, not a re-serialised copy: the prefetch is most of a request, and reading it twice was
 * most of a call's cost (BENCHMARKS.md).
 */
final class PrefetchParser {

    private final IJsonLikeParser parser;
    private final PrefetchShape shape;

    PrefetchParser(IJsonLikeParser parser) {
        this.parser = parser;
        this.shape = new PrefetchShape(FhirContext.forR4Cached());
    }

    /** The resources of a prefetch value, or empty when the EHR sent an OperationOutcome instead of data. */
    Optional<List<Resource>> resources(String key, JsonNode value) {
        if (!value.isObject() || !value.path("resourceType").isTextual()) {
            throw new InvalidPrefetchException("prefetch '" + key + "' is not a FHIR resource");
        }
        IBaseResource parsed;
        try {
            shape.check(value);
            JacksonStructure tree = new JacksonStructure();
            tree.setNativeObject((ObjectNode) value);
            parsed = parser.parseResource(tree);
        } catch (DataFormatException e) {
            throw new InvalidPrefetchException("prefetch '" + key + "' is not valid FHIR R4 JSON: " + e.getMessage());
        }
        if (parsed instanceof OperationOutcome) {
            return Optional.empty();
        }
        if (parsed instanceof Bundle bundle) {
            return Optional.of(bundle.getEntry().stream()
                    .filter(Bundle.BundleEntryComponent::hasResource)
                    .map(Bundle.BundleEntryComponent::getResource)
                    .toList());
        }
        return Optional.of(List.of((Resource) parsed));
    }
}
