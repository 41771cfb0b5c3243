/**
 * The rule base: compiled from {@code rules/*.drl} with the thresholds table and the evidence list, and run on a
 * patient's facts.
 * <p>
 * In: {@code facts} (scores, thresholds). Out: findings, each with the metadata of the rule that produced it and
 * the version of the rule base. A rule base that fails to compile is reported with file, line and message and is
 * never put in service. Out of scope: how findings look to a clinician ({@code cards}).
 */
package org.alliancecds.rules;
