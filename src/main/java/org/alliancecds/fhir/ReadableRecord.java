package org.alliancecds.fhir;

import java.util.List;

/**
 * The part of a patient's record that could be read, and what could not.
 *
 * @param record the resources read
 * @param unread the resource types left out, each with why
 */
public record ReadableRecord(PatientRecord record, List<Unread> unread) {

    /** The status of a type the token's scope does not let the service read: it was not asked for. */
    public static final int NOT_GRANTED = -1;

    public ReadableRecord {
        unread = List.copyOf(unread);
    }

    /**
     * A resource type not read.
     *
     * @param resourceType e.g. {@code EpisodeOfCare}
     * @param status       the server's HTTP answer (403: refused), {@link #NOT_GRANTED}, or 0 when it gave none
     */
    public record Unread(String resourceType, int status) {

        /** Why, in words for the clinician. */
        public String reason() {
            return switch (status) {
                case NOT_GRANTED -> "the EHR did not grant this app access to it (scope)";
                case 403 -> "the FHIR server refused this read (403)";
                case 0 -> "the FHIR server could not be read in time";
                default -> "the FHIR server answered HTTP " + status;
            };
        }
    }
}
