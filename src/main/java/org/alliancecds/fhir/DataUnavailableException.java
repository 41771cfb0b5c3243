package org.alliancecds.fhir;

/** Data the rules need could not be had: not prefetched, and no FHIR server, or the server failed or timed out. */
public class DataUnavailableException extends RuntimeException {

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
