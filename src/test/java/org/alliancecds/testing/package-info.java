/**
 * In-process FHIR R4 REST server (HAPI plain server on embedded Jetty) for integration tests of the
 * service's FHIR-server fallback: in-memory resources, paged searches, switchable failure modes and a
 * record of the requests it received.
 */
package org.alliancecds.testing;
