/**
 * Operating the rule base while it serves: hot reload of {@code rules/} and {@code fhir-profiles/}, the reload
 * history with every problem at its file and line, and the admin endpoint that shows them.
 * <p>
 * In: changes to the two directories. Out: a new rule base put in service atomically, or the last good one kept
 * with the reasons it was kept. Out of scope: compiling and checking (that is {@code rules} and {@code fhir}).
 */
package org.alliancecds.admin;
