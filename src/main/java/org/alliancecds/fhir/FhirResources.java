package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.http.impl.client.CloseableHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The application's one {@link FhirContext} (expensive to create, thread-safe), configured once with the outbound
 * HTTP client ({@link OutboundHttp}: timeouts, answer size limit, and the checks of the fetch running), and warmed at
 * start-up so that the first request does not pay for it.
 */
@ApplicationScoped
public class FhirResources {

    private static final String WARM_UP = """
            {"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/w"},
             "authored":"2020-01-01","item":[{"linkId":"1","answer":[{"valueCoding":{"code":"LA6568-5"}}]}]}""";

    private FhirContext context;
    private CloseableHttpClient http;

    protected FhirResources() {
        // for CDI proxies
    }

    /** The most a FHIR server's answer (one page) may be, unless {@code cds.fhir.max-response-bytes} says otherwise. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

    @Inject
    public FhirResources(@ConfigProperty(name = "cds.fhir.connect-timeout-ms", defaultValue = "2000") int connectMs,
                         @ConfigProperty(name = "cds.fhir.read-timeout-ms", defaultValue = "5000") int readMs,
                         @ConfigProperty(name = "cds.fhir.max-response-bytes", defaultValue = "10485760")
                         long maxResponseBytes) {
        this.context = FhirContext.forR4();
        IRestfulClientFactory clients = context.getRestfulClientFactory();
        http = OutboundHttp.client(new OutboundHttp.Limits(connectMs, readMs, maxResponseBytes));
        clients.setHttpClient(http);
        clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    /** For tools and tests: the default answer size limit. */
    public FhirResources(int connectMs, int readMs) {
        this(connectMs, readMs, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public FhirContext context() {
        return context;
    }

    /** The defended HTTP client HAPI's clients use, for the few requests to a FHIR server that are not FHIR. */
    CloseableHttpClient http() {
        return http;
    }


    /** HAPI's JSON parser, which can also read a Jackson tree already parsed (an R4 context's always can). */
    public IJsonLikeParser jsonParser() {
        return (IJsonLikeParser) context.newJsonParser();
    }

    /** Parses and encodes once, which loads HAPI's model classes. */
    public void warmUp() {
        IBaseResource parsed = jsonParser().parseResource(WARM_UP);
        jsonParser().encodeResourceToString(parsed);
    }
}
