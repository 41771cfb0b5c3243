package org.alliancecds.release;

/** The release tables could not be read or written: the database is down, unreachable, or not migrated. */
public class ReleaseStoreException extends RuntimeException {

    public ReleaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
