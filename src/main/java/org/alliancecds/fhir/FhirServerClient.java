package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.apache.http.client.ClientProtocolException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Resource;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one search against the EHR's FHIR server with its bearer token and follows {@code next} links up to a page
 * limit. Timeouts and limits are set once on the shared client factory ({@link FhirResources}); any failure becomes a
 * {@link DataUnavailableException} that names the query but never the token.
 */
final class FhirServerClient {

    private final FhirContext fhirContext;
    private final int maxPages;

    FhirServerClient(FhirContext fhirContext, int maxPages) {
        this.fhirContext = fhirContext;
        this.maxPages = maxPages;
    }

    List<Resource> search(String serverBase, String accessToken, String query) {
        IGenericClient client = fhirContext.newRestfulGenericClient(serverBase);
        if (accessToken != null && !accessToken.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        }
        List<Resource> found = new ArrayList<>();
        try {
            Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
            int pages = 1;
            collect(page, found);
            while (page.getLink(Bundle.LINK_NEXT) != null && pages < maxPages) {
                page = client.loadPage().next(page).execute();
                pages++;
                collect(page, found);
            }
            return found;
        } catch (RuntimeException e) {
            String resourceType = query.replaceAll("[?/].*", "");
            throw new DataUnavailableException("could not fetch " + resourceType + " from the fhirServer: "
                    + reason(e), e);
        }
    }

    /**
     * Why a fetch failed, in words an integrator can act on; never the token or the full URL. HAPI reports every
     * transport failure as a {@link FhirClientConnectionException}, which is a 500 by its class: the cause says
     * what really happened.
     */
    private static String reason(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutboundHttp.ResponseTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (cause instanceof DataFormatException) {
                return "its answer was not FHIR JSON";
            }
            if (cause instanceof InterruptedIOException) {
                return "it did not answer within the timeout";
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return "it could not be reached";
            }
            if (cause instanceof ClientProtocolException) {
                return "its answer was not usable HTTP (or it redirected in a loop)";
            }
        }
        if (failure instanceof FhirClientConnectionException) {
            return "it could not be reached or did not answer";
        }
        if (failure instanceof BaseServerResponseException answered) {
            return "it answered HTTP " + answered.getStatusCode();
        }
        return failure.getClass().getSimpleName();
    }

    private static void collect(Bundle page, List<Resource> found) {
        for (BundleEntryComponent entry : page.getEntry()) {
            if (entry.hasResource()) {
                found.add(entry.getResource());
            }
        }
    }
}
