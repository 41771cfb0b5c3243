/**
 * The audit trail: what the service told clinicians and how they answered.
 * <p>
 * In: from the HTTP boundary, an {@link org.alliancecds.audit.InvocationAudit} for every hook call (answered or
 * refused, with status, issue type, latency, rule base, fired rules and cards) and a
 * {@link org.alliancecds.audit.FeedbackAudit} for every feedback item; from {@code admin}, an
 * {@link org.alliancecds.audit.AdminActionAudit} for every admin call (who, what, when, status). Out: rows in
 * {@code audit_invocation}, {@code audit_card}, {@code audit_feedback} and {@code audit_admin_action} (schema by Flyway, {@code db/migration}), on the embedded H2 or on
 * PostgreSQL ({@link org.alliancecds.audit.AuditDatabase}), and the counts in health and metrics.
 * <p>
 * Hand-over never waits for the database: {@link org.alliancecds.audit.AuditQueue} writes on its own thread,
 * retries through outages, and counts and logs whatever it cannot write. Kept out: request bodies, tokens, patient
 * and user ids (only HMAC pseudonyms, under one key), the words of clinicians' comments (only their length). Each
 * card keeps the clinical state the cards side issued it for, an opaque string.
 * <p>
 * Read back: {@link org.alliancecds.audit.AuditReader} gives the console per-rule feedback statistics (cards shown,
 * accepted, overridden and why), summed from hourly counts the writer keeps beside the rows
 * ({@link org.alliancecds.audit.HourlyCounts}). Expiry ({@link org.alliancecds.audit.AuditRetention}) removes rows and
 * counts past {@code cds.audit.retention-days}. Not here: showing them (that is {@code admin}).
 */
package org.alliancecds.audit;
