package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The application's one {@link FhirContext} (expensive to create, thread-safe), configured once with the outbound
 * timeouts, and warmed at start-up so that the first request does not pay for it.
 */
@ApplicationScoped
public class FhirResources {

    private static final String WARM_UP = """
            {"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/w"},
             "authored":"2020-01-01","item":[{"linkId":"1","answer":[{"valueCoding":{"code":"LA6568-5"}}]}]}""";

    private FhirContext context;

    protected FhirResources() {
        // for CDI proxies
    }

    @Inject
    public FhirResources(@ConfigProperty(name = "cds.fhir.connect-timeout-ms", defaultValue = "2000") int connectMs,
                         @ConfigProperty(name = "cds.fhir.read-timeout-ms", defaultValue = "5000") int readMs) {
        this.context = configured(FhirContext.forR4(), connectMs, readMs);
    }

    /** A context with the outbound timeouts; shared by everything that talks FHIR. */
    public static FhirContext configured(FhirContext context, int connectMs, int readMs) {
        IRestfulClientFactory clients = context.getRestfulClientFactory();
        clients.setConnectTimeout(connectMs);
        clients.setConnectionRequestTimeout(connectMs);
        clients.setSocketTimeout(readMs);
        clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
        return context;
    }

    public FhirContext context() {
        return context;
    }

    public IParser jsonParser() {
        return context.newJsonParser();
    }

    /** Parses and encodes once, which loads HAPI's model classes. */
    public void warmUp() {
        IBaseResource parsed = jsonParser().parseResource(WARM_UP);
        jsonParser().encodeResourceToString(parsed);
    }
}
