package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.fhir.scoring.FhirIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gathers a patient's record for a hook call: each needed prefetch key as given; a key the EHR left out, or answered
 * with an OperationOutcome, fetched from its FHIR server; a key sent as {@code null} taken as "no data".
 */
@ApplicationScoped
public class PatientRecordResolver {

    private FhirResources fhir;
    private int maxPages;

    protected PatientRecordResolver() {
        // for CDI proxies
    }

    @Inject
    public PatientRecordResolver(FhirResources fhir,
                                 @ConfigProperty(name = "cds.fhir.max-pages", defaultValue = "20") int maxPages) {
        this.fhir = fhir;
        this.maxPages = maxPages;
    }

    public PatientRecord resolve(DataRequest request, List<PrefetchQuery> queries) {
        PrefetchParser prefetch = new PrefetchParser(fhir.jsonParser());
        List<Resource> resources = new ArrayList<>();
        for (PrefetchQuery query : queries) {
            if (query.needed()) {
                resources.addAll(resourcesFor(query, request, prefetch));
            }
        }
        return new PatientRecord(FhirIds.patientIdOf(request.patientId()), resources);
    }

    private List<Resource> resourcesFor(PrefetchQuery query, DataRequest request, PrefetchParser prefetch) {
        JsonNode given = request.prefetch().get(query.key());
        if (given != null && given.isNull()) {
            return List.of();
        }
        if (given != null) {
            Optional<List<Resource>> parsed = prefetch.resources(query.key(), given);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        String server = request.server().orElseThrow(() -> new DataUnavailableException(
                "prefetch '" + query.key() + "' was not provided and the request names no fhirServer"));
        return new FhirServerClient(fhir.context(), maxPages)
                .search(server, request.accessToken(), query.fill(request.context()));
    }
}
