package org.alliancecds.testing;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import org.hl7.fhir.r4.model.EpisodeOfCare;

/** {@code GET /EpisodeOfCare?patient=}: the care episodes that define treatment episodes where a site keeps them. */
public final class EpisodeOfCareProvider implements IResourceProvider {

    private final ResourceStore store;

    EpisodeOfCareProvider(ResourceStore store) {
        this.store = store;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient) {
        return new SimpleBundleProvider(store.all(EpisodeOfCare.class).stream()
                .filter(episode -> SearchSupport.refersTo(episode.getPatient(), patient, "Patient"))
                .toList());
    }
}
