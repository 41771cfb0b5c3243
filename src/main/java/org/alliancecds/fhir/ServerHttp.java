package org.alliancecds.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The requests to a FHIR server's side that are not FHIR: its SMART configuration and its token endpoint. They go
 * through the same defended client as every fetch ({@link OutboundHttp}: checked addresses, redirects only within
 * the allowed server, timeouts, a size limit) under a budget of their own, and only to a URL the given allow-list
 * entry covers; anything else is refused before a byte is sent.
 */
@ApplicationScoped
public class ServerHttp {

    /** What one such request may spend: these answers are small. */
    private static final Duration BUDGET_TIME = Duration.ofMillis(PatientRecordResolver.DEFAULT_BUDGET_MS);
    private static final long BUDGET_BYTES = 1024 * 1024;

    private FhirResources fhir;

    protected ServerHttp() {
        // for CDI proxies
    }

    @Inject
    public ServerHttp(FhirResources fhir) {
        this.fhir = fhir;
    }

    /** An answer: status, content type (or null) and body as text. */
    public record Answer(int status, String contentType, String body) {
    }

    /** A GET of the URL, which the entry must cover. */
    public Answer get(AllowedServer server, URI url) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/json");
        return send(server, get);
    }

    /** A POST of the body with the headers, to a URL the entry must cover. */
    public Answer post(AllowedServer server, URI url, Map<String, List<String>> headers, String body) {
        HttpPost post = new HttpPost(url);
        headers.forEach((name, values) -> values.forEach(value -> post.addHeader(name, value)));
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8)));
        return send(server, post);
    }

    private Answer send(AllowedServer server, HttpUriRequest request) {
        if (!server.covers(request.getURI())) {
            throw DataUnavailableException.fetchFailed("a request to " + request.getURI().getHost()
                    + " is outside the allowed server " + server + "; not sent", null);
        }
        FetchScope.Current scope = new FetchScope.Current(server, new FetchBudget(BUDGET_TIME, BUDGET_BYTES));
        return FetchScope.within(scope, () -> {
            try (CloseableHttpResponse response = fhir.http().execute(request)) {
                HttpEntity entity = response.getEntity();
                String type = entity == null || entity.getContentType() == null ? null
                        : entity.getContentType().getValue();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                return new Answer(response.getStatusLine().getStatusCode(), type, body);
            } catch (IOException e) {
                throw DataUnavailableException.fetchFailed("could not reach " + server + ": "
                        + FetchFailures.reason(new UncheckedIOException(e)), e);
            }
        });
    }
}
