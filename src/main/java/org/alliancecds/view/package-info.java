/**
 * The clinician view: a SMART on FHIR app served by this WAR at {@code /view/}, launched from the EHR (from a
 * card's smart link, or on its own) to show a patient's alliance and symptom trajectory with the cards that fire now.
 * <p>
 * Boundary operations: {@code GET /view/launch} (EHR launch with {@code iss} and {@code launch}, or standalone with
 * {@code iss} only): the FHIR server must be one the hooks may fetch from; its SMART configuration is read, PKCE S256
 * required, its authorization and token endpoints on its origin or an authorization server its allow-list entry
 * names, and the browser sent to its authorization endpoint. {@code GET /view/callback}: {@code state} checked,
 * the code exchanged for a token (with the PKCE verifier) at a token endpoint still so allowed; the token stays in
 * the server-side session with the patient (JCache, shared by a cluster's instances, sealed with the browser's cookie
 * id; the cookie is {@code SameSite=None}, {@code Secure}, {@code Partitioned} for an EHR that frames the view from
 * another site).
 * {@code GET /view/api/patient}: the patient's data read with that token through the hooks' own pipeline
 * ({@code fhir} → {@code facts} → {@code rules} → {@code cards}) and answered as the view's JSON; nothing stored.
 * The page itself ({@code src/main/webapp/view/}) is served as files.
 * <p>
 * The OAuth 2.0 messages are the Nimbus SDK's; the requests to the EHR go through the {@code fhir} package's
 * defended HTTP client. Out of scope: HAPI types (the view reads facts and cards), storing anything, the token
 * outside the session (never in the browser, a log or the audit), refresh tokens (an expired token is a clear
 * message: launch again).
 */
package org.alliancecds.view;
