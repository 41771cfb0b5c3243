package org.alliancecds.fhir;

/** A prefetch value that is not a FHIR resource we can read. */
public class InvalidPrefetchException extends RuntimeException {

    public InvalidPrefetchException(String message) {
        super(message);
    }
}
