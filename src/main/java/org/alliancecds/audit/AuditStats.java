package org.alliancecds.audit;

/**
 * The audit queue's counts since start, for health and metrics.
 *
 * @param database  {@code starting}, {@code up}, {@code unavailable}, or {@code stopped} after shutdown
 * @param pending   entries accepted and not yet written
 * @param written   entries written
 * @param retries   write attempts that failed and were tried again
 * @param failed    entries the database refused on every attempt while it was up: given up and logged
 * @param dropped   entries refused because the backlog was full, or left unwritten at shutdown: logged
 */
public record AuditStats(String database, long pending, long written, long retries, long failed, long dropped) {
}
