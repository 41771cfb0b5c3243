package org.alliancecds.common;

import java.net.URI;
import java.util.List;

/**
 * What "admin" is: the calls under {@code /admin}, which have their own credentials and are not for EHRs. The one
 * definition both the EHRs' authentication (which skips them) and the admin guard (which checks them) use.
 */
public final class AdminPaths {

    /** The path segment every admin resource's {@code @Path} starts with. */
    public static final String PREFIX = "admin";

    private AdminPaths() {
    }

    /** By a request path (relative to the application), decoded, with dot segments removed as matching will. */
    public static boolean isAdmin(String applicationPath) {
        try {
            String path = URI.create("/" + applicationPath).normalize().getPath();
            return path.equals("/" + PREFIX) || path.startsWith("/" + PREFIX + "/");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** By what the resource matching matched: the root resource's path is the last of the matched URIs. */
    public static boolean isAdmin(List<String> matchedUris) {
        if (matchedUris.isEmpty()) {
            return false;
        }
        String root = matchedUris.get(matchedUris.size() - 1);
        return root.equals(PREFIX) || root.startsWith(PREFIX + "/");
    }
}
