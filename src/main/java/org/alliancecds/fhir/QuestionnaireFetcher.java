package org.alliancecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.alliancecds.common.LogText;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Fetches the Questionnaires of foreign forms from the EHR's FHIR server, by canonical URL or by reference, and
 * keeps them a while: forms change rarely and every patient of a site uses the same few. A form that cannot be
 * fetched is not an error: its responses are then matched by linkId alone, or ignored with a note.
 */
final class QuestionnaireFetcher {

    private static final Logger LOG = Logger.getLogger(QuestionnaireFetcher.class.getName());
    private static final int MAX_FORMS = 500;
    private static final Duration KEEP = Duration.ofHours(1);

    private final FhirContext fhirContext;
    /** Only forms found are kept: a server that failed once is asked again next time. */
    private final Cache<String, Questionnaire> cache = Caffeine.newBuilder()
            .maximumSize(MAX_FORMS).expireAfterWrite(KEEP).build();

    QuestionnaireFetcher(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    Optional<Questionnaire> fetch(String serverBase, String accessToken, String reference) {
        return Optional.ofNullable(cache.get(serverBase + " " + reference,
                key -> load(serverBase, accessToken, reference).orElse(null)));
    }

    private Optional<Questionnaire> load(String serverBase, String accessToken, String reference) {
        IGenericClient client = fhirContext.newRestfulGenericClient(serverBase);
        if (accessToken != null && !accessToken.isBlank()) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        }
        try {
            if (reference.startsWith("http://") || reference.startsWith("https://")) {
                Bundle found = client.search().forResource(Questionnaire.class)
                        .where(Questionnaire.URL.matches().value(reference.split("\\|")[0]))
                        .returnBundle(Bundle.class).execute();
                return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                        .filter(Questionnaire.class::isInstance).map(Questionnaire.class::cast).findFirst();
            }
            return Optional.of(client.read().resource(Questionnaire.class)
                    .withId(reference.substring(reference.lastIndexOf('/') + 1)).execute());
        } catch (RuntimeException e) {
            LOG.info(() -> "Questionnaire " + LogText.safe(reference) + " could not be fetched: "
                    + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
