/**
 * Gets the patient's FHIR data for a hook call: the prefetch as the EHR sent it, and whatever it left out fetched
 * from the EHR's {@code fhirServer} with its bearer token, within timeouts and a page limit; then scores it.
 * <p>
 * In: the prefetch JSON and the FHIR server details of a request. Out: the patient's resources and their
 * {@code facts}. Data that cannot be had is an error the boundary answers with 412; prefetch that is not FHIR is one
 * it answers with 400. Out of scope: the CDS Hooks envelope ({@code hooks}).
 */
package org.alliancecds.fhir;
