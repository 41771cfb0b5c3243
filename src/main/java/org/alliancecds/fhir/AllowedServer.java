package org.alliancecds.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One FHIR server base an EHR may name as {@code fhirServer}: an exact origin (scheme, host, port) and a path prefix.
 * A URL is covered when it has that origin and its path is the prefix or lies below it ({@code /r4} covers
 * {@code /r4} and {@code /r4/Patient}, not {@code /r4x}). Plain http only where the entry says so; a host that is or
 * resolves to a loopback, link-local, private or otherwise non-public address only where the entry says so
 * ({@link PublicAddresses}). A FHIR server's SMART authorization server is on its origin, or on one of the origins
 * the entry lists as its authorization servers (many EHRs put it on another host than the FHIR server).
 *
 * @param scheme               {@code https}, or {@code http} when allowed
 * @param host                 the host name or address literal, lower case (IPv6 without brackets)
 * @param port                 the port, the scheme's default filled in
 * @param pathPrefix           the base path without a trailing slash ({@code ""} for the root)
 * @param allowPrivate         whether non-public addresses may be connected to
 * @param authorizationServers further origins (entries without a path) of the server's SMART authorization server
 */
public record AllowedServer(String scheme, String host, int port, String pathPrefix, boolean allowPrivate,
                            List<AllowedServer> authorizationServers) {

    public AllowedServer {
        authorizationServers = List.copyOf(authorizationServers);
    }

    /** An entry whose authorization server, if any, is on its own origin. */
    public AllowedServer(String scheme, String host, int port, String pathPrefix, boolean allowPrivate) {
        this(scheme, host, port, pathPrefix, allowPrivate, List.of());
    }

    /**
     * An entry from its base URL and flags; refused with a message when the URL is not a plain http(s) base, or is
     * http without {@code allowHttp}.
     */
    public static AllowedServer of(String baseUrl, boolean allowHttp, boolean allowPrivate) {
        URI url = plainUrl(baseUrl).filter(base -> base.getRawQuery() == null).orElseThrow(() ->
                new IllegalArgumentException("a FHIR server entry must be an http(s) URL with host and path only, "
                        + "no query: " + baseUrl));
        if ("http".equals(url.getScheme()) && !allowHttp) {
            throw new IllegalArgumentException("the FHIR server entry " + baseUrl
                    + " is plain http: use https, or allow http for it explicitly");
        }
        return new AllowedServer(url.getScheme(), host(url), port(url), trimmed(url.getRawPath()), allowPrivate);
    }

    /**
     * The entry widened to its whole origin, same flags: where a SMART server's token endpoint may be (its path is
     * seldom below the FHIR base, e.g. {@code /oauth2/token} beside {@code /api/FHIR/R4}).
     */
    public AllowedServer origin() {
        return new AllowedServer(scheme, host, port, "", allowPrivate);
    }

    /**
     * The entry with the origins its SMART authorization server may be on besides its own: each a URL with scheme,
     * host and port only, https unless {@code allowHttp}, private addresses as this entry allows them.
     *
     * @throws IllegalArgumentException naming the origin that cannot be used
     */
    public AllowedServer withAuthorizationServers(List<String> origins, boolean allowHttp) {
        return new AllowedServer(scheme, host, port, pathPrefix, allowPrivate,
                origins.stream().map(origin -> authorizationOrigin(origin, allowHttp)).toList());
    }

    /**
     * Where a SMART authorization or token endpoint of this server may be, as the entry a request to it goes out
     * under: this server's origin or one of its authorization servers. Empty: nothing may be sent there.
     */
    public Optional<AllowedServer> authorizationServer(String endpoint) {
        return Stream.concat(Stream.of(origin()), authorizationServers.stream())
                .filter(server -> server.covers(endpoint)).findFirst();
    }

    /** Whether the URL is on this entry's origin and within its path prefix. */
    public boolean covers(String url) {
        return plainUrl(url).filter(this::coversPlain).isPresent();
    }

    boolean covers(URI url) {
        return covers(url.toString());
    }

    private boolean coversPlain(URI url) {
        if (!scheme.equals(url.getScheme()) || !host.equals(host(url)) || port != port(url)) {
            return false;
        }
        String path = trimmed(url.getRawPath());
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }

    @Override
    public String toString() {
        return originText() + pathPrefix + (allowPrivate ? " (private allowed)" : "")
                + (authorizationServers.isEmpty() ? "" : " (authorization servers " + authorizationServers.stream()
                .map(AllowedServer::originText).toList() + ")");
    }

    private String originText() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private AllowedServer authorizationOrigin(String origin, boolean allowHttp) {
        boolean bare = plainUrl(origin).filter(url -> url.getRawQuery() == null)
                .filter(url -> trimmed(url.getRawPath()).isEmpty()).isPresent();
        if (!bare) {
            throw new IllegalArgumentException("an authorization server is an http(s) origin (scheme, host and port), "
                    + "without a path or query: " + origin);
        }
        if (origin.startsWith("http:") && !allowHttp) {
            throw new IllegalArgumentException("the authorization server " + origin
                    + " is plain http: use https, or allow http for its FHIR server explicitly");
        }
        return of(origin, true, allowPrivate);
    }

    /**
     * The URL, when it is an absolute http(s) URL with a host and no user info or fragment, and a path with no
     * percent-escapes, backslashes, empty or dot segments: anything that could make one path look like another.
     * A query is allowed (searches and next links have one); an entry's own query is refused by {@link #of}.
     */
    static Optional<URI> plainUrl(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme();
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            boolean plain = (scheme.equals("https") || scheme.equals("http")) && url.getHost() != null
                    && url.getRawUserInfo() == null && url.getRawFragment() == null
                    && !path.contains("%") && !path.contains("\\") && !path.contains("//")
                    && !("/" + path + "/").contains("/./") && !("/" + path + "/").contains("/../");
            return plain ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String host(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static String trimmed(String path) {
        String trimmed = path == null ? "" : path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
