package org.alliancecds.testing;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Matching and sorting rules shared by the search providers. */
final class SearchSupport {

    private SearchSupport() {
    }

    /**
     * True if no filter was given or the reference points at the requested resource. The parameter
     * may be {@code 123} or {@code Patient/123}; {@code impliedType} is the type the search parameter
     * itself implies ({@code Patient} for {@code patient=}), or null for polymorphic ones like
     * {@code subject=}.
     */
    static boolean refersTo(Reference reference, ReferenceParam param, String impliedType) {
        if (param == null) {
            return true;
        }
        if (reference == null || !reference.hasReference()) {
            return false;
        }
        IdType target = new IdType(reference.getReference());
        String wantedType = param.getResourceType() != null && !param.getResourceType().isBlank()
                ? param.getResourceType() : impliedType;
        boolean typeOk = wantedType == null || wantedType.equals(target.getResourceType());
        return typeOk && param.getIdPart() != null && param.getIdPart().equals(target.getIdPart());
    }

    /** True if no filter was given or any coding matches any token (FHIR token search semantics). */
    static boolean hasCode(CodeableConcept concept, TokenOrListParam codes) {
        if (codes == null || codes.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        if (concept == null) {
            return false;
        }
        for (TokenParam token : codes.getValuesAsQueryTokens()) {
            for (Coding coding : concept.getCoding()) {
                if (matches(token, coding)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Orders {@code items} by the {@code _sort} spec; without one the insertion order is kept. Unknown
     * sort keys are rejected with 400, as a real server would, so a wrong client query fails loudly.
     * Missing dates sort last in either direction.
     */
    static <T> List<T> sort(List<T> items, SortSpec sort, Map<String, Function<T, Date>> keys) {
        List<T> sorted = new ArrayList<>(items);
        Comparator<T> order = null;
        for (SortSpec spec = sort; spec != null; spec = spec.getChain()) {
            Function<T, Date> key = keys.get(spec.getParamName());
            if (key == null) {
                throw new InvalidRequestException("Unsupported _sort parameter '" + spec.getParamName()
                        + "'; this test server supports " + keys.keySet());
            }
            boolean descending = spec.getOrder() == SortOrderEnum.DESC;
            Comparator<T> next = (a, b) -> compareDates(key.apply(a), key.apply(b), descending);
            order = order == null ? next : order.thenComparing(next);
        }
        if (order != null) {
            sorted.sort(order);
        }
        return sorted;
    }

    private static boolean matches(TokenParam token, Coding coding) {
        String system = token.getSystem();
        String value = token.getValue();
        boolean systemOk = system == null
                || (system.isEmpty() ? !coding.hasSystem() : system.equals(coding.getSystem()));
        boolean valueOk = value == null || value.isEmpty() || value.equals(coding.getCode());
        return systemOk && valueOk;
    }

    private static int compareDates(Date a, Date b, boolean descending) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? 1 : -1);
        }
        return descending ? b.compareTo(a) : a.compareTo(b);
    }
}
