/**
 * Operating the rule base while it serves, for informaticists: hot reload of {@code rules/} and
 * {@code fhir-profiles/} with its history, and the admin API behind the web console ({@code /console/}): the rule
 * catalogue, the rule-base status, the scenario case files, "try it" (a request or case evaluated through the
 * service's own handler, with the facts behind the cards), and per-rule feedback statistics read from the audit.
 * <p>
 * In: changes to the two directories; calls to {@code /admin/*} carrying {@code Authorization: Bearer} and the
 * token of a named admin credential from {@code cds.admin.credentials}, or the demo run's shared
 * {@code cds.admin.token} ({@link org.alliancecds.admin.AdminGuard}; without either the admin API is off, and
 * answers as to a wrong token). Out: a new generation (instruments and rule base together,
 * {@link org.alliancecds.hooks.Generation}) put in service atomically, or the last good one kept with the reasons;
 * the first one loaded at start-up, retried until it is in service; JSON for the console; the console's static
 * files; every admin call, with who made it, to the audit ({@link org.alliancecds.admin.AdminAuditFilter}).
 * Out of scope: compiling and checking (that is {@code rules} and
 * {@code fhir}), and the EHRs' authentication, which must leave {@code /admin/*} to this package.
 */
package org.alliancecds.admin;
