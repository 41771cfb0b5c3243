package org.alliancecds.hooks.security;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code aud} a token must carry: the URL the client called. Behind a proxy the service sees another URL than
 * the client used, so the public base URL can be configured; without it, the scheme, host and port of the request
 * are taken as they arrive (the Host header), which is right only when clients reach the service directly.
 */
final class Audience {

    private Audience() {
    }

    /**
     * The URL called, with and without an explicit default port, since a client may write it either way.
     *
     * @param publicBase   the configured public base URL, if any (e.g. {@code https://cds.example.org/alliance})
     * @param requestBase  the base URI of the request as received (the application root)
     * @param relativePath the path called, relative to the application root, as sent (still encoded)
     */
    static Set<String> of(Optional<URI> publicBase, URI requestBase, String relativePath) {
        URI base = publicBase.orElse(requestBase);
        String prefix = stripTrailingSlash(base.toString());
        String path = relativePath.startsWith("/") ? relativePath : "/" + relativePath;
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(prefix + path);
        alternativePort(base).ifPresent(other -> accepted.add(stripTrailingSlash(other) + path));
        return accepted;
    }

    private static Optional<String> alternativePort(URI base) {
        int standard = "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        String scheme = base.getScheme() + "://";
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (base.getPort() == standard) {
            return Optional.of(scheme + base.getHost() + path);
        }
        if (base.getPort() == -1) {
            return Optional.of(scheme + base.getHost() + ":" + standard + path);
        }
        return Optional.empty();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
