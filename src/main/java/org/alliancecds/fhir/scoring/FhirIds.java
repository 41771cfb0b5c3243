package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Small conversions between FHIR references, ids and dates and the plain values facts carry. */
public final class FhirIds {

    private static final String PATIENT = "Patient";
    /** FHIR's id datatype. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final int DAY_LENGTH = "2000-01-01".length();
    private static final int YEAR_LENGTH = "2000".length();

    private FhirIds() {
    }

    /**
     * {@code Type/id} of a resource, for notes and card text. An id that is not a FHIR id is not repeated: it would
     * carry sender-controlled text (markup, say) into cards that EHRs render.
     */
    public static String sourceOf(Resource resource) {
        String type = resource.fhirType();
        if (!resource.hasIdElement() || !resource.getIdElement().hasIdPart()) {
            return type + " without id";
        }
        String id = resource.getIdElement().getIdPart();
        return isFhirId(id) ? type + "/" + id : type + " with an invalid id";
    }

    /** Whether text is a FHIR id: 1 to 64 letters, digits, '-' and '.'. */
    public static boolean isFhirId(String text) {
        return FHIR_ID.matcher(text).matches();
    }

    /** The bare id of a patient given as {@code 123} or {@code Patient/123}. */
    public static String patientIdOf(String patientId) {
        return patientId.startsWith(PATIENT + "/") ? patientId.substring(PATIENT.length() + 1) : patientId;
    }

    /** Whether a reference (relative, absolute or versioned) points at this patient. */
    public static boolean refersTo(Reference reference, String patientId) {
        IdType target = new IdType(reference.getReference());
        boolean patientType = !target.hasResourceType() || PATIENT.equals(target.getResourceType());
        return patientType && patientIdOf(patientId).equals(target.getIdPart());
    }

    /**
     * The site's calendar day of a timestamp: a time with a zone is moved into the site's zone, so that "today" and
     * a score's day are told alike; a date without a time is that date; a date given only to the month or year
     * counts as its first day.
     */
    public static LocalDate dayOf(BaseDateTimeType timestamp, ZoneId siteZone) {
        String text = timestamp.getValueAsString();
        if (text.length() > DAY_LENGTH && timestamp.getValue() != null) {
            return timestamp.getValue().toInstant().atZone(siteZone).toLocalDate();
        }
        if (text.length() >= DAY_LENGTH) {
            return LocalDate.parse(text.substring(0, DAY_LENGTH));
        }
        return text.length() == YEAR_LENGTH ? Year.parse(text).atDay(1) : YearMonth.parse(text).atDay(1);
    }
}
