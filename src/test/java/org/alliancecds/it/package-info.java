/**
 * Integration tests: the built WAR on a real Payara Micro (Arquillian, client mode), called over HTTP as an EHR
 * would, with a real FHIR server ({@link org.alliancecds.testing.FhirTestServer}) where the service must fetch.
 */
package org.alliancecds.it;
