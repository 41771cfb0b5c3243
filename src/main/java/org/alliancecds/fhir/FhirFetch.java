package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fetches of one hook call from its EHR's FHIR server: opened only once the server is found on the caller's
 * allow-list, with the bearer token and one {@link FetchBudget} for everything it fetches; each runs in the call's
 * {@link FetchScope}, which the HTTP client ({@link OutboundHttp}) checks every request, address and redirect by. Searches follow {@code next} links up to a page limit, and only within the allowed server.
 * Every failure becomes a {@link DataUnavailableException} with the generic text; the detail is for the log.
 */
final class FhirFetch {

    /** What every call's fetches may use: the call's budget, and the most pages per search. */
    record Settings(Duration budgetTime, long budgetBytes, int maxPages) {
    }

    private final AllowedServer server;
    private final String base;
    private final FetchScope.Current scope;
    private final IGenericClient client;
    private final int maxPages;

    private FhirFetch(FhirContext context, AllowedServer server, String base, String accessToken,
                      Settings settings) {
        this.server = server;
        this.base = base;
        this.scope = new FetchScope.Current(server, new FetchBudget(settings.budgetTime(), settings.budgetBytes()));
        this.maxPages = settings.maxPages();
        this.client = context.newRestfulGenericClient(base);
        if (accessToken != null && !accessToken.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        }
    }

    /**
     * The call's fetches from the request's server, checked against its allow-list before anything is sent.
     *
     * @throws DataUnavailableException when there is no server, or it is not allowed
     */
    static FhirFetch open(FhirContext context, DataRequest request, String why, Settings settings) {
        String base = request.server().orElseThrow(() -> new DataUnavailableException(why
                + " and the request names no fhirServer to fetch it from"));
        AllowedServer server = request.allowedServers().covering(base).orElseThrow(() ->
                DataUnavailableException.fetchFailed("the fhirServer " + base
                        + " is not on the caller's list of allowed FHIR servers", null));
        return new FhirFetch(context, server, base, request.accessToken(), settings);
    }

    /** The base URL fetched from, e.g. as part of a cache key. */
    String base() {
        return base;
    }

    List<Resource> search(String query) {
        return FetchScope.within(scope, () -> searchInScope(query));
    }

    private List<Resource> searchInScope(String query) {
        List<Resource> found = new ArrayList<>();
        try {
            Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
            int pages = 1;
            collect(page, found);
            while (page.getLink(Bundle.LINK_NEXT) != null && pages < maxPages) {
                requireWithinServer(page.getLink(Bundle.LINK_NEXT).getUrl());
                page = client.loadPage().next(page).execute();
                pages++;
                collect(page, found);
            }
            return found;
        } catch (RuntimeException e) {
            throw failed(query.replaceAll("[?/].*", ""), e);
        }
    }

    /** A Questionnaire by canonical URL (searched) or by reference (read); empty when the server has none. */
    Optional<Questionnaire> questionnaire(String reference) {
        return FetchScope.within(scope, () -> questionnaireInScope(reference));
    }

    private Optional<Questionnaire> questionnaireInScope(String reference) {
        try {
            if (reference.startsWith("http://") || reference.startsWith("https://")) {
                Bundle found = client.search().forResource(Questionnaire.class)
                        .where(Questionnaire.URL.matches().value(reference.split("\\|")[0]))
                        .returnBundle(Bundle.class).execute();
                return found.getEntry().stream().map(BundleEntryComponent::getResource)
                        .filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast).findFirst();
            }
            return Optional.of(client.read().resource(Questionnaire.class)
                    .withId(reference.substring(reference.lastIndexOf('/') + 1)).execute());
        } catch (RuntimeException e) {
            throw failed("Questionnaire", e);
        }
    }

    private void requireWithinServer(String next) {
        URI url = URI.create(base + "/").resolve(next);
        if (!server.covers(url)) {
            throw DataUnavailableException.fetchFailed("a next link leads outside the allowed server " + server
                    + " (to " + url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + "); not followed",
                    null);
        }
    }

    private static DataUnavailableException failed(String what, RuntimeException failure) {
        if (failure instanceof DataUnavailableException unavailable) {
            return unavailable;
        }
        return DataUnavailableException.fetchFailed("could not fetch " + what + " from the fhirServer: "
                + FetchFailures.reason(failure), failure);
    }

    private static void collect(Bundle page, List<Resource> found) {
        for (BundleEntryComponent entry : page.getEntry()) {
            if (entry.hasResource()) {
                found.add(entry.getResource());
            }
        }
    }
}
