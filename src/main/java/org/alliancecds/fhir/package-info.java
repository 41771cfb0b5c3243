/**
 * Gets the patient's FHIR data for a hook call: the prefetch as the EHR sent it, and whatever it left out fetched
 * from the EHR's {@code fhirServer} with its bearer token, only from a server on the caller's allow-list
 * ({@link org.alliancecds.fhir.AllowedServers}: origin, path, scheme, public addresses), only as far as the token's
 * scope reads, within timeouts, a page limit and one budget of time and bytes per call; then scores it.
 * <p>
 * In: the prefetch JSON, the FHIR server details of a request, and the servers its caller may name. Out: the
 * patient's resources and their {@code facts}. Data that cannot be had is an error the boundary answers with 412
 * (every refused or failed fetch with one text, the detail for the log); prefetch that is not FHIR is one it answers
 * with 400. Out of scope: the CDS Hooks envelope and who the caller is ({@code hooks}).
 */
package org.alliancecds.fhir;
