package org.alliancecds.fhir;

import org.alliancecds.common.LogText;

/**
 * Data the rules need could not be had: not prefetched and no FHIR server, or the fetch was refused or failed. The
 * message is for the EHR; the detail, for the log, may say more.
 */
public class DataUnavailableException extends RuntimeException {

    /**
     * What the EHR is told about every refused or failed fetch: one text, whatever happened, so that the answers
     * cannot be used to probe a network (see {@link FetchFailures}).
     */
    public static final String FETCH_FAILED = "the data the rules need could not be fetched from the fhirServer "
            + "(prefetch it, or ask the service's operator: the log says why)";

    private final String detail;

    public DataUnavailableException(String message) {
        super(message);
        this.detail = message;
    }

    private DataUnavailableException(String detail, Throwable cause) {
        super(FETCH_FAILED, cause);
        this.detail = LogText.safe(detail);
    }

    /** A fetch refused or failed: the EHR gets {@link #FETCH_FAILED}, the log the detail (sanitised here). */
    static DataUnavailableException fetchFailed(String detail, Throwable cause) {
        return new DataUnavailableException(detail, cause);
    }

    /** What the log may say: the detail of a failed fetch, or the message. */
    public String detail() {
        return detail;
    }
}
