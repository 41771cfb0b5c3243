/**
 * Plain facts the rules reason over: scored instruments with their dates and sessions, thresholds, and the
 * findings rules conclude.
 * <p>
 * In: values produced by {@code fhir} scoring. Out: immutable records inserted into the rule session. No HAPI
 * or Drools type crosses into this package, so rules and cards never depend on how the data arrived.
 */
package org.alliancecds.facts;
