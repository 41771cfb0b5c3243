/**
 * The audit at network scale (issue #15): the production audit writer ({@code AuditQueue} and
 * {@code AuditDatabaseStore}, several instances at once, each with its own pool), the Flyway schema, the console's
 * feedback statistics ({@code FeedbackStatisticsQuery}), the quiet periods' reads ({@code AnswerQueries}) and
 * expiry ({@code Retention}) on PostgreSQL, over a month of history loaded at a scale factor. Run with
 * {@code mvn -q test-compile exec:exec@audit-scale} against a PostgreSQL at 127.0.0.1:5432; method and figures are
 * in BENCHMARKS.md. Not here: the HTTP path (the load benchmark) and H2, which is for demos.
 */
package org.alliancecds.bench.audit;
