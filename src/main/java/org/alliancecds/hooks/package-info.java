/**
 * The CDS Hooks boundary: discovery, hook calls, feedback, and the errors an EHR gets back.
 * <p>
 * In: HTTP requests from CDS clients (EHRs). Out: the discovery document, {@code {"cards": […]}}, or an
 * OperationOutcome with the right status (400 malformed or invalid request, 404 unknown service, 412 data that
 * cannot be had, 415 wrong content type, 503 not ready) — never a stack trace. Everything past the envelope is
 * delegated along the flow: {@code fhir} → {@code rules} → {@code cards} → {@code audit}. What a call is answered
 * with, the instruments and the rule base, is one {@link org.alliancecds.hooks.Generation} taken once from
 * {@link org.alliancecds.hooks.InService} at the call's start ({@code admin} puts new ones in service).
 */
package org.alliancecds.hooks;
