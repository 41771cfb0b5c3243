/**
 * The rule base of a release as FHIR R4 knowledge artifacts, for review boards and registries: one
 * {@code PlanDefinition} (an ECA rule) per card rule, a {@code Library} with the thresholds table, and the whole as
 * a {@code collection} Bundle, valid under HAPI's instance validator; each artifact with a generated narrative, what a
 * registry shows a reviewer first.
 * <p>
 * An outbound HAPI boundary, like {@code fhir} inbound: in, plain records (the release's version, content hash,
 * status and date, the {@link org.alliancecds.admin.Catalogue} and the thresholds table); out, FHIR JSON text. HAPI
 * types do not leave the package. Canonical URLs sit under the project's base {@code https://alliance-cds.org/fhir}
 * ({@code …/PlanDefinition/{rule id}}, {@code …/Library/thresholds}), each versioned with the release.
 * <p>
 * Out of scope: serving the export over HTTP and which release is in service (the admin API and the release store
 * call this package); executable logic in the artifacts (the conditions are described in words, the executable ones
 * are the release's Drools rules).
 */
package org.alliancecds.knowledge;
