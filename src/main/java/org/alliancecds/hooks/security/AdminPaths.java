package org.alliancecds.hooks.security;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/** Which calls belong to the admin API, which has its own token and is not for EHRs. */
final class AdminPaths {

    private static final String PREFIX = "admin";

    private AdminPaths() {
    }

    /** By the request's path, decoded and with dot segments removed, as the resource matching will see it. */
    static boolean isAdmin(UriInfo uri) {
        try {
            String path = URI.create("/" + uri.getPath(false)).normalize().getPath();
            return path.equals("/" + PREFIX) || path.startsWith("/" + PREFIX + "/");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** By what the resource matching matched: the root resource's path is the last of the matched URIs. */
    static boolean isAdmin(List<String> matchedUris) {
        if (matchedUris.isEmpty()) {
            return false;
        }
        String root = matchedUris.get(matchedUris.size() - 1);
        return root.equals(PREFIX) || root.startsWith(PREFIX + "/");
    }
}
