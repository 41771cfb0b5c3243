package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.fhir.PrefetchQuery.Need;
import org.alliancecds.fhir.scoring.FhirIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Gathers a patient's record for a hook call: each needed prefetch key as given; a key the EHR left out, or answered
 * with an OperationOutcome, fetched from its FHIR server; a key sent as {@code null} taken as "no data".
 */
@ApplicationScoped
public class PatientRecordResolver {

    private static final Logger LOG = Logger.getLogger(PatientRecordResolver.class.getName());

    private FhirResources fhir;
    private int maxPages;
    private QuestionnaireFetcher questionnaires;

    protected PatientRecordResolver() {
        // for CDI proxies
    }

    @Inject
    public PatientRecordResolver(FhirResources fhir,
                                 @ConfigProperty(name = "cds.fhir.max-pages", defaultValue = "20") int maxPages) {
        this.fhir = fhir;
        this.maxPages = maxPages;
        this.questionnaires = new QuestionnaireFetcher(fhir.context());
    }

    /**
     * The record with the named foreign Questionnaires added, as far as the request's FHIR server has them; without
     * a server, the record as it is.
     */
    public PatientRecord withForms(DataRequest request, PatientRecord record, Set<String> references) {
        if (references.isEmpty() || request.server().isEmpty()) {
            return record;
        }
        List<Resource> resources = new ArrayList<>(record.resources());
        for (String reference : references) {
            questionnaires.fetch(request.server().get(), request.accessToken(), reference).ifPresent(resources::add);
        }
        return new PatientRecord(record.patientId(), resources);
    }

    public PatientRecord resolve(DataRequest request, List<PrefetchQuery> queries) {
        PrefetchParser prefetch = new PrefetchParser(fhir.jsonParser());
        List<Resource> resources = new ArrayList<>();
        for (PrefetchQuery query : queries) {
            if (query.need() == Need.REQUIRED) {
                resources.addAll(resourcesFor(query, request, prefetch));
            } else if (query.need() == Need.OPTIONAL) {
                resources.addAll(optionalResourcesFor(query, request, prefetch));
            }
        }
        return new PatientRecord(FhirIds.patientIdOf(request.patientId()), resources);
    }

    /** An optional key: what can be had, and nothing (with a log line) when it cannot. */
    private List<Resource> optionalResourcesFor(PrefetchQuery query, DataRequest request, PrefetchParser prefetch) {
        try {
            return resourcesFor(query, request, prefetch);
        } catch (DataUnavailableException e) {
            LOG.fine(() -> "optional prefetch '" + query.key() + "' not used: " + e.getMessage());
            return List.of();
        }
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
        String server = request.server().orElseThrow(() -> new DataUnavailableException("prefetch '" + query.key()
                + "' was " + (given == null ? "not provided" : "an OperationOutcome (the EHR's fetch failed)")
                + " and the request names no fhirServer to fetch it from"));
        return new FhirServerClient(fhir.context(), maxPages)
                .search(server, request.accessToken(), query.fill(request.context()));
    }
}
