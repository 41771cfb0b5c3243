/**
 * Test infrastructure shared by unit and integration tests: an in-process FHIR R4 REST server (HAPI plain server
 * on embedded Jetty) for the service's FHIR-server fallback, with in-memory resources, paged searches, switchable
 * failure modes and a record of the requests it received, and a SMART App Launch 2.0 authorization server beside it
 * ({@link org.alliancecds.testing.SmartAuthorization}: a test registers the app and a launch, and gets the EHR's
 * launch URL or a card page to click); CDS Hooks client JWTs signed with test-only keys; and
 * the rule catalogue (the alliance-rules CodeSystem) that tests count rules by.
 */
package org.alliancecds.testing;
