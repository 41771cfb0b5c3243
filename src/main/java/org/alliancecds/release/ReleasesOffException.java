package org.alliancecds.release;

/** A release step asked of a service that runs from its folders ({@code cds.rules.source=folder}). */
public class ReleasesOffException extends RuntimeException {

    public ReleasesOffException() {
        super("this service runs from its rules folder (cds.rules.source=folder): releases are off; start it with "
                + "cds.rules.source=releases to govern rule changes by release");
    }
}
