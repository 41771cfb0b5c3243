package org.alliancecds.hooks.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code aud} a token must carry: the URL the client called (CDS Hooks 2.0, "Trusting CDS Clients": the
 * audience is the URL of the CDS Service endpoint being invoked). The service cannot know that URL by itself: behind
 * a proxy it sees another one, and the Host header is whatever the caller put there, so a token minted for another
 * service with the same path would pass. So the base URLs EHRs call are configured, and without one no token is
 * accepted.
 */
final class Audience {

    private Audience() {
    }

    /**
     * The configured base URLs: {@code cds.public-base-url}, then each of the comma-separated
     * {@code cds.auth.audiences}.
     *
     * @throws IllegalArgumentException when neither names a URL, or one is not an http(s) URL without query
     */
    static List<URI> bases(Optional<String> publicBaseUrl, Optional<String> audiences) {
        List<URI> bases = new ArrayList<>();
        publicBaseUrl.filter(text -> !text.isBlank()).ifPresent(text -> bases.add(url(text, "cds.public-base-url")));
        audiences.stream().flatMap(list -> Arrays.stream(list.split(","))).map(String::trim)
                .filter(text -> !text.isEmpty()).forEach(text -> bases.add(url(text, "cds.auth.audiences")));
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("neither cds.public-base-url nor cds.auth.audiences is set: the URL "
                    + "EHRs call, which their tokens' aud must name, is unknown (it is never taken from the Host "
                    + "header)");
        }
        return List.copyOf(bases);
    }

    /**
     * The URL called under each base, with and without an explicit default port, since a client may write it
     * either way.
     *
     * @param bases        the configured base URLs (e.g. {@code https://cds.example.org/alliance})
     * @param relativePath the path called, relative to the application root, as sent (still encoded)
     */
    static Set<String> of(List<URI> bases, String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath : "/" + relativePath;
        Set<String> accepted = new LinkedHashSet<>();
        for (URI base : bases) {
            accepted.add(stripTrailingSlash(base.toString()) + path);
            alternativePort(base).ifPresent(other -> accepted.add(stripTrailingSlash(other) + path));
        }
        return accepted;
    }

    private static URI url(String text, String setting) {
        try {
            URI url = new URI(text.trim());
            if (url.getHost() == null || !Set.of("http", "https").contains(url.getScheme()) || url.getQuery() != null) {
                throw new IllegalArgumentException(setting + " must hold http(s) URLs without query: " + text);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a URL: " + text);
        }
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
