/**
 * The WAR's browser pages as static files: the folder {@code shared/} (modules and styles the console and the
 * clinician view both use) at {@code /shared/}, and the clinician view's page ({@code view/}) at {@code /view/}.
 * The console's own files are served by {@code admin} the same way ({@link org.alliancecds.web.WebFiles}).
 * <p>
 * In: GET of a flat file name with a known type. Out: the file with a Content-Security-Policy that runs only this
 * origin's scripts and styles, or 404. The clinician view's page is the only one that may be framed, by the origins
 * in {@code cds.view.frame-ancestors} (an EHR shows it in an iframe). Out of scope: the view's data and its SMART
 * launch ({@code /view/api/…} and the launch endpoints are not files; this package maps none of their paths).
 */
package org.alliancecds.web;
