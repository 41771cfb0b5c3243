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
import java.util.logging.Logger;

/**
 * Follows a redirect only within the allowed server of the fetch running ({@link FetchScope}): its origin and path
 * prefix. The client copies the request's
 * headers, the EHR's bearer token among them, onto the redirected request, so a redirect elsewhere would hand the
 * token over. A redirect that is not followed reaches HAPI as a 3xx answer, which fails the fetch (412).
 */
final class AllowedRedirects extends DefaultRedirectStrategy {

    private static final Logger LOG = Logger.getLogger(AllowedRedirects.class.getName());

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
        HttpHost target = HttpClientContext.adapt(context).getTargetHost();
        URI from = absolute(target, request.getRequestLine().getUri());
        URI location = from.resolve(createLocationURI(header.getValue()));
        AllowedServer server;
        try {
            server = FetchScope.current().server();
        } catch (OutboundHttp.OffServerException e) {
            return false;
        }
        boolean allowed = server.covers(location);
        if (!allowed) {
            AllowedServer refusing = server;
            LOG.info(() -> "not following a fhirServer redirect outside the allowed server " + refusing + " (to "
                    + location.getScheme() + "://" + location.getHost() + ":" + location.getPort() + ")");
        }
        return allowed;
    }

    /** A request's URI, which the client may have made relative to its target, made absolute again. */
    static URI absolute(HttpHost target, String requestUri) {
        URI uri = URI.create(requestUri);
        if (uri.isAbsolute() || target == null) {
            return uri;
        }
        return URI.create(target.toURI()).resolve(uri);
    }
}
