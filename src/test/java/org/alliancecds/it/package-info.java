/**
 * Integration tests: the built WAR on a real Payara Micro (Arquillian, client mode), called over HTTP as an EHR
 * would, with a real FHIR server ({@link org.alliancecds.testing.FhirTestServer}) where the service must fetch.
 * {@link org.alliancecds.it.ClusterIT} starts two Payara Micro processes of its own
 * ({@link org.alliancecds.it.PayaraMicroProcess}), clustered with each other only.
 */
package org.alliancecds.it;
