package org.alliancecds.testing;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /QuestionnaireResponse?patient=|subject=|questionnaire=|status=} with
 * {@code _sort=[-]authored} or {@code [-]_lastUpdated}. Paging ({@code _count}, next links) is done
 * by HAPI from the returned {@link IBundleProvider} and the server's paging provider.
 */
public final class QuestionnaireResponseProvider implements IResourceProvider {

    private static final Map<String, Function<QuestionnaireResponse, Date>> SORT_KEYS = Map.of(
            QuestionnaireResponse.SP_AUTHORED, QuestionnaireResponse::getAuthored,
            "_lastUpdated", qr -> qr.getMeta().getLastUpdated());

    private final ResourceStore store;

    QuestionnaireResponseProvider(ResourceStore store) {
        this.store = store;
    }

    @Override
    public Class<QuestionnaireResponse> getResourceType() {
        return QuestionnaireResponse.class;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = QuestionnaireResponse.SP_QUESTIONNAIRE) UriParam questionnaire,
            @OptionalParam(name = QuestionnaireResponse.SP_STATUS) TokenParam status,
            @Sort SortSpec sort) {
        List<QuestionnaireResponse> matching = store.all(QuestionnaireResponse.class).stream()
                .filter(qr -> SearchSupport.refersTo(qr.getSubject(), patient, "Patient"))
                .filter(qr -> SearchSupport.refersTo(qr.getSubject(), subject, null))
                .filter(qr -> questionnaire == null || questionnaire.getValue().equals(qr.getQuestionnaire()))
                .filter(qr -> status == null || qr.hasStatus() && status.getValue().equals(qr.getStatus().toCode()))
                .toList();
        return new SimpleBundleProvider(SearchSupport.sort(matching, sort, SORT_KEYS));
    }
}
