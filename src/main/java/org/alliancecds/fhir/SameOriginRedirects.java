package org.alliancecds.fhir;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolException;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.client.DefaultRedirectStrategy;
import org.apache.http.protocol.HttpContext;

import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Follows a redirect only to the same scheme, host and port. The client copies the request's headers, the EHR's
 * bearer token among them, onto the redirected request, so a redirect to another host would hand that host the
 * token. A redirect that is not followed reaches HAPI as a 3xx answer, which fails the fetch (412).
 */
final class SameOriginRedirects extends DefaultRedirectStrategy {

    private static final Logger LOG = Logger.getLogger(SameOriginRedirects.class.getName());

    @Override
    public boolean isRedirected(HttpRequest request, HttpResponse response, HttpContext context)
            throws ProtocolException {
        if (!super.isRedirected(request, response, context)) {
            return false;
        }
        // Not getLocationURI: it records the location for loop detection, and the client calls it again.
        Header header = response.getFirstHeader("Location");
        if (header == null) {
            return false;
        }
        URI location = createLocationURI(header.getValue());
        if (!location.isAbsolute()) {
            return true;
        }
        HttpHost target = HttpClientContext.adapt(context).getTargetHost();
        boolean sameOrigin = target != null && location.getHost() != null
                && location.getScheme().equalsIgnoreCase(target.getSchemeName())
                && location.getHost().toLowerCase(Locale.ROOT).equals(target.getHostName().toLowerCase(Locale.ROOT))
                && port(location.getPort(), location.getScheme()) == port(target.getPort(), target.getSchemeName());
        if (!sameOrigin) {
            LOG.info(() -> "not following a fhirServer redirect to another origin ("
                    + location.getScheme() + "://" + location.getHost() + ")");
        }
        return sameOrigin;
    }

    private static int port(int port, String scheme) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
