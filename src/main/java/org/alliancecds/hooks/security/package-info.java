/**
 * Who may call the service, from where, and with how much: the CDS Hooks client JWT, CORS for browser-based
 * clients, and the request size limit. Everything here runs as JAX-RS filters before a resource is chosen.
 * <p>
 * In: the {@code Authorization}, {@code Origin} and {@code Content-Length} headers and the request body stream.
 * Out: the request let through with the verified issuer and tenant as request properties
 * ({@link org.alliancecds.common.Caller}), or answered at once: 401 (bare, with
 * {@code WWW-Authenticate: Bearer}), 413, or a CORS preflight answer; and for a verified caller, the FHIR servers
 * it may name ({@code fhir.AllowedServers}). Trusted issuers, with their {@code fhir_servers}, come from a JSON file
 * ({@code cds.trusted-issuers}); used {@code jti}s are kept in JCache caches so that a cluster shares them, each for
 * the replay window and at most {@code cds.auth.replay-store-size} per instance and window (beyond that, new tokens
 * are refused).
 * <p>
 * Out of scope: what a caller may do once authenticated (every trusted EHR may call every service), and the
 * envelope checks of a hook request ({@code hooks}).
 */
package org.alliancecds.hooks.security;
