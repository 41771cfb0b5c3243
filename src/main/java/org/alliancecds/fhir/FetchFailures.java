package org.alliancecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.http.client.ClientProtocolException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * Why a fetch failed, in words an operator can act on, for the log only: the EHR gets one text for every failure,
 * lest the service tell "closed port" from "timeout" from "HTTP 404" to whoever names a URL (a port scanner). Never
 * the token or the full URL.
 */
final class FetchFailures {

    private FetchFailures() {
    }

    /** HAPI reports every transport failure as a {@link FhirClientConnectionException}: the cause says what happened. */
    static String reason(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        if (failure instanceof FhirClientConnectionException) {
            return "it could not be reached or did not answer";
        }
        if (failure instanceof BaseServerResponseException answered) {
            return "it answered HTTP " + answered.getStatusCode();
        }
        return failure.getClass().getSimpleName();
    }

    /** The HTTP status a server answered with, or 0 when the failure is not an answer. */
    static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BaseServerResponseException answered && answered.getStatusCode() > 0) {
                return answered.getStatusCode();
            }
        }
        return 0;
    }

    private static String known(Throwable cause) {
        if (cause instanceof FetchBudget.ExhaustedException || cause instanceof CheckedDns.RefusedAddressException
                || cause instanceof OutboundHttp.OffServerException
                || cause instanceof OutboundHttp.ResponseTooLargeException) {
            return cause.getMessage();
        }
        if (cause instanceof DataFormatException) {
            return "its answer was not FHIR JSON";
        }
        if (cause instanceof InterruptedIOException) {
            return "it did not answer within the timeout";
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return "it could not be reached";
        }
        if (cause instanceof ClientProtocolException) {
            return "its answer was not usable HTTP (or it redirected in a loop)";
        }
        return null;
    }
}
