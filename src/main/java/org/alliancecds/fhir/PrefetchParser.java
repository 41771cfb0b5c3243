package org.alliancecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.Optional;

/**
 * Reads one prefetch value: a Bundle gives its entries, a resource itself. An OperationOutcome means the EHR's own
 * fetch failed, which is reported as "nothing usable" so the caller can fetch it instead.
 */
final class PrefetchParser {

    private final IParser parser;

    PrefetchParser(IParser parser) {
        this.parser = parser;
    }

    /** The resources of a prefetch value, or empty when the EHR sent an OperationOutcome instead of data. */
    Optional<List<Resource>> resources(String key, JsonNode value) {
        if (!value.isObject() || !value.path("resourceType").isTextual()) {
            throw new InvalidPrefetchException("prefetch '" + key + "' is not a FHIR resource");
        }
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(value.toString());
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
