package org.alliancecds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.common.LogText;
import org.alliancecds.fhir.PrefetchQuery.Need;
import org.alliancecds.fhir.scoring.FhirIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Gathers a patient's record for a hook call: each needed prefetch key as given; a key the EHR left out, or answered
 * with an OperationOutcome, fetched from its FHIR server (when the caller may name it, and the token's scope lets
 * the service read that type); a key sent as {@code null} taken as "no data". Everything one call fetches, foreign
 * Questionnaires included, shares one budget of time and bytes ({@code cds.fhir.budget-ms},
 * {@code cds.fhir.budget-bytes}).
 */
@ApplicationScoped
public class PatientRecordResolver {

    private static final Logger LOG = Logger.getLogger(PatientRecordResolver.class.getName());
    /** The defaults of the budget settings: 4 s and 20 MB for all of one call's fetches. */
    public static final long DEFAULT_BUDGET_MS = 4000;
    public static final long DEFAULT_BUDGET_BYTES = 20L * 1024 * 1024;

    private FhirResources fhir;
    private FhirFetch.Settings settings;
    private QuestionnaireFetcher questionnaires;

    protected PatientRecordResolver() {
        // for CDI proxies
    }

    @Inject
    public PatientRecordResolver(FhirResources fhir,
                                 @ConfigProperty(name = "cds.fhir.max-pages", defaultValue = "20") int maxPages,
                                 @ConfigProperty(name = "cds.fhir.budget-ms", defaultValue = "4000") long budgetMs,
                                 @ConfigProperty(name = "cds.fhir.budget-bytes", defaultValue = "20971520")
                                 long budgetBytes) {
        this.fhir = fhir;
        this.settings = new FhirFetch.Settings(Duration.ofMillis(budgetMs), budgetBytes, maxPages);
        this.questionnaires = new QuestionnaireFetcher();
    }

    /** For tools and tests: the default budget. */
    public PatientRecordResolver(FhirResources fhir, int maxPages) {
        this(fhir, maxPages, DEFAULT_BUDGET_MS, DEFAULT_BUDGET_BYTES);
    }

    /** The record without foreign forms. */
    public PatientRecord resolve(DataRequest request, List<PrefetchQuery> queries) {
        return resolve(request, queries, record -> Set.of());
    }

    /**
     * The record, with the foreign Questionnaires it names ({@code unknownForms}) added as far as the request's FHIR
     * server has them.
     */
    public PatientRecord resolve(DataRequest request, List<PrefetchQuery> queries,
                                 Function<PatientRecord, Set<String>> unknownForms) {
        CallFetches fetches = new CallFetches(request);
        PatientRecord record = gather(request, queries, fetches);
        return withForms(request, record, unknownForms.apply(record), fetches);
    }

    /**
     * For a reader that shows what it can (the clinician view): every query fetched on its own, a type the token
     * may not read or the server refuses left out and named, the rest kept. A server that refuses the token itself
     * (401) fails the whole read, since nothing more can be had with it.
     *
     * @throws DataUnavailableException with {@link DataUnavailableException#status()} 401 when the token is refused
     */
    public ReadableRecord resolveReadable(DataRequest request, List<PrefetchQuery> queries,
                                          Function<PatientRecord, Set<String>> unknownForms) {
        CallFetches fetches = new CallFetches(request);
        PrefetchParser prefetch = new PrefetchParser(fhir.jsonParser());
        List<Resource> resources = new ArrayList<>();
        List<ReadableRecord.Unread> unread = new ArrayList<>();
        for (PrefetchQuery query : queries) {
            if (request.server().isPresent() && !request.maySearch(query.resourceType())) {
                unread.add(new ReadableRecord.Unread(query.resourceType(), ReadableRecord.NOT_GRANTED));
                continue;
            }
            try {
                resources.addAll(resourcesFor(query, request, prefetch, fetches));
            } catch (DataUnavailableException e) {
                if (e.status() == 401) {
                    throw e;
                }
                LOG.info(() -> query.resourceType() + " not read: " + e.detail());
                unread.add(new ReadableRecord.Unread(query.resourceType(), e.status()));
            }
        }
        PatientRecord record = new PatientRecord(FhirIds.patientIdOf(request.patientId()), resources);
        return new ReadableRecord(withForms(request, record, unknownForms.apply(record), fetches), unread);
    }

    private PatientRecord gather(DataRequest request, List<PrefetchQuery> queries, CallFetches fetches) {
        requireScopeForFetches(request, queries);
        PrefetchParser prefetch = new PrefetchParser(fhir.jsonParser());
        List<Resource> resources = new ArrayList<>();
        for (PrefetchQuery query : queries) {
            if (query.need() == Need.REQUIRED) {
                resources.addAll(resourcesFor(query, request, prefetch, fetches));
            } else if (query.need() == Need.OPTIONAL) {
                resources.addAll(optionalResourcesFor(query, request, prefetch, fetches));
            }
        }
        return new PatientRecord(FhirIds.patientIdOf(request.patientId()), resources);
    }

    private PatientRecord withForms(DataRequest request, PatientRecord record, Set<String> references,
                                    CallFetches fetches) {
        if (references.isEmpty() || request.server().isEmpty()) {
            return record;
        }
        if (!request.mayReadForms()) {
            LOG.fine("foreign Questionnaires not fetched: fhirAuthorization.scope does not allow reading them");
            return record;
        }
        List<Resource> resources = new ArrayList<>(record.resources());
        try {
            for (String reference : references) {
                questionnaires.fetch(fetches.open("foreign forms"), reference).ifPresent(resources::add);
            }
        } catch (DataUnavailableException e) {
            LOG.info(() -> "foreign Questionnaires not fetched: " + e.detail());
        }
        return new PatientRecord(record.patientId(), resources);
    }

    /**
     * Before anything is fetched: every required key that must be fetched is one the token's scope can read, or
     * nothing is (CDS Hooks 2.0, fhirAuthorization.scope). A fetch that cannot be completed is not begun.
     */
    private static void requireScopeForFetches(DataRequest request, List<PrefetchQuery> queries) {
        if (request.server().isEmpty()) {
            return;
        }
        for (PrefetchQuery query : queries) {
            JsonNode given = request.prefetch().get(query.key());
            boolean toFetch = given == null || "OperationOutcome".equals(given.path("resourceType").asText());
            if (query.need() == Need.REQUIRED && toFetch && !request.maySearch(query.resourceType())) {
                throw new DataUnavailableException("prefetch '" + query.key() + "' must be fetched, and "
                        + "fhirAuthorization.scope does not allow reading " + query.resourceType()
                        + ", so nothing was fetched");
            }
        }
    }

    /** An optional key: what can be had, and nothing (with a log line) when it cannot. */
    private List<Resource> optionalResourcesFor(PrefetchQuery query, DataRequest request, PrefetchParser prefetch,
                                                CallFetches fetches) {
        try {
            return resourcesFor(query, request, prefetch, fetches);
        } catch (DataUnavailableException e) {
            LOG.fine(() -> "optional prefetch '" + query.key() + "' not used: " + e.detail());
            return List.of();
        }
    }

    private List<Resource> resourcesFor(PrefetchQuery query, DataRequest request, PrefetchParser prefetch,
                                        CallFetches fetches) {
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
        String why = "prefetch '" + query.key() + "' was "
                + (given == null ? "not provided" : "an OperationOutcome (the EHR's fetch failed)");
        if (request.server().isPresent() && !request.maySearch(query.resourceType())) {
            throw new DataUnavailableException(why + ", and fhirAuthorization.scope does not allow reading "
                    + query.resourceType() + ", so it was not fetched");
        }
        return fetches.open(why).search(query.fill(request.context()));
    }

    /** The fetches of one call, opened at the first fetch it needs (so its budget starts there). */
    private final class CallFetches {
        private final DataRequest request;
        private FhirFetch open;

        CallFetches(DataRequest request) {
            this.request = request;
        }

        FhirFetch open(String why) {
            if (open == null) {
                open = FhirFetch.open(fhir.context(), request, why, settings);
                LOG.fine(() -> "fetching from " + LogText.safe(open.base()));
            }
            return open;
        }
    }
}
