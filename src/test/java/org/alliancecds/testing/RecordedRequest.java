package org.alliancecds.testing;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP request as the {@link FhirTestServer} received it.
 *
 * @param method        HTTP method, e.g. {@code GET}
 * @param pathAndQuery  request path plus {@code ?query}, URL-decoded so tests can compare against
 *                      readable strings such as {@code code=http://loinc.org|72172-0}
 * @param authorization value of the {@code Authorization} header, or {@code null} if none was sent
 */
public record RecordedRequest(String method, String pathAndQuery, String authorization) {

    static RecordedRequest of(HttpServletRequest request) {
        String query = request.getQueryString();
        String raw = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new RecordedRequest(request.getMethod(), URLDecoder.decode(raw, StandardCharsets.UTF_8),
                request.getHeader("Authorization"));
    }
}
