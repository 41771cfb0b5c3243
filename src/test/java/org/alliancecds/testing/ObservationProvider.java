package org.alliancecds.testing;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import org.hl7.fhir.r4.model.Observation;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /Observation?patient=|subject=|code=} where {@code code} is an OR-list of
 * {@code system|code} or bare codes, with {@code _sort=[-]date} or {@code [-]_lastUpdated}.
 */
public final class ObservationProvider implements IResourceProvider {

    private static final Map<String, Function<Observation, Date>> SORT_KEYS = Map.of(
            Observation.SP_DATE, ObservationProvider::effectiveStart,
            "_lastUpdated", o -> o.getMeta().getLastUpdated());

    private final ResourceStore store;

    ObservationProvider(ResourceStore store) {
        this.store = store;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
                                  @Sort SortSpec sort) {
        List<Observation> matching = store.all(Observation.class).stream()
                .filter(o -> SearchSupport.refersTo(o.getSubject(), patient, "Patient"))
                .filter(o -> SearchSupport.refersTo(o.getSubject(), subject, null))
                .filter(o -> SearchSupport.hasCode(o.getCode(), code))
                .toList();
        return new SimpleBundleProvider(SearchSupport.sort(matching, sort, SORT_KEYS));
    }

    private static Date effectiveStart(Observation o) {
        if (o.hasEffectiveDateTimeType()) {
            return o.getEffectiveDateTimeType().getValue();
        }
        if (o.hasEffectiveInstantType()) {
            return o.getEffectiveInstantType().getValue();
        }
        return o.hasEffectivePeriod() ? o.getEffectivePeriod().getStart() : null;
    }
}
