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
    private final int status;

    public DataUnavailableException(String message) {
        super(message);
        this.detail = message;
        this.status = 0;
    }

    private DataUnavailableException(String detail, Throwable cause) {
        super(FETCH_FAILED, cause);
        this.detail = LogText.safe(detail);
        this.status = FetchFailures.status(cause);
    }

    /**
     * The HTTP status the FHIR server answered the failed fetch with, or 0 when it did not answer one (refused before
     * sending, unreachable, timed out). The clinician view tells an expired token (401) and a refused type (403)
     * apart by it; a hook call's answer never shows it.
     */
    public int status() {
        return status;
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
