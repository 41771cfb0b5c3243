package org.alliancecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

/**
 * How prefetch is read: a known FHIR element with the wrong JSON type or shape (a string where the Bundle's
 * {@code entry} array belongs, an array for a single value) is refused, since HAPI would otherwise skip it and a
 * badly built Bundle would read as an empty one: no cards, and no sign of why. What real EHRs add stays tolerated,
 * as HAPI's lenient handler does: unknown elements, extensions, references it cannot resolve, values it cannot read.
 * The message names the element as HAPI knows it: the element within its parent.
 */
final class StructureErrors extends LenientErrorHandler {

    StructureErrors() {
        super(false);
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String element, ValueType expected,
                                  ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
        throw new DataFormatException(path(location, element) + ": expected " + describe(expected, expectedScalar)
                + ", found " + describe(found, foundScalar));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String element) {
        throw new DataFormatException(path(location, element) + ": expected one value, found an array");
    }

    private static String path(IParseLocation location, String element) {
        String parent = location == null ? null : location.getParentElementName();
        return parent == null || parent.isEmpty() ? element : parent + "." + element;
    }

    private static String describe(ValueType type, ScalarType scalar) {
        if (type == null) {
            return "nothing";
        }
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            case SCALAR -> scalar == null ? "a value" : "a " + scalar.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
