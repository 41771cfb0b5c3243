/**
 * Tools for informaticists that work without the server: scenario cases (a CDS Hooks request and the rules that
 * must fire on it) and the rules check that compiles {@code rules/}, reads {@code fhir-profiles/} and runs every
 * case.
 * <p>
 * In: the {@code rules/} and {@code fhir-profiles/} directories. Out: a report per case, and an exit status. The
 * cases run through the same {@code hooks.HookHandler} the service uses, so a case that passes here passes over
 * HTTP.
 */
package org.alliancecds.check;
