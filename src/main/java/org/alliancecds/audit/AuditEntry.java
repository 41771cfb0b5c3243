package org.alliancecds.audit;

/**
 * Something the audit keeps: one hook invocation, one feedback item or one admin call, written in its own
 * transaction.
 */
public sealed interface AuditEntry permits InvocationAudit, FeedbackAudit, AdminActionAudit {

    /** The row's key, chosen before the first write so that a retried write can tell it already succeeded. */
    String id();

    /**
     * What a log line may say about the entry: its kind and identifiers, never patient data; what the client sent
     * among them goes through {@link org.alliancecds.common.LogText}.
     */
    String describe();
}
