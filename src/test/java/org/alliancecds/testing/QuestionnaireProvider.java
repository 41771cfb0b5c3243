package org.alliancecds.testing;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;

import java.util.Objects;

/** {@code GET /Questionnaire/{id}} and {@code GET /Questionnaire?url=...[&version=...]}. */
public final class QuestionnaireProvider implements IResourceProvider {

    private final ResourceStore store;

    QuestionnaireProvider(ResourceStore store) {
        this.store = store;
    }

    @Override
    public Class<Questionnaire> getResourceType() {
        return Questionnaire.class;
    }

    @Read
    public Questionnaire read(@IdParam IdType id) {
        return store.read(Questionnaire.class, id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** Accepts a plain canonical URL or the {@code url|version} form. */
    @Search
    public IBundleProvider searchByUrl(@RequiredParam(name = Questionnaire.SP_URL) UriParam url,
                                       @OptionalParam(name = Questionnaire.SP_VERSION) TokenParam version) {
        String[] canonical = url.getValue().split("\\|", 2);
        String wantedVersion = canonical.length > 1 ? canonical[1] : version == null ? null : version.getValue();
        return new SimpleBundleProvider(store.all(Questionnaire.class).stream()
                .filter(q -> canonical[0].equals(q.getUrl()))
                .filter(q -> wantedVersion == null || Objects.equals(wantedVersion, q.getVersion()))
                .toList());
    }
}
