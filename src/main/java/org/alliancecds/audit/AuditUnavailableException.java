package org.alliancecds.audit;

/** The audit database could not be read: down, unreachable, or not migrated yet. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
