package org.alliancecds.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One folder of the WAR served as static files. Only flat file names with a known type are served, so no path
 * reaches outside the folder, and every file goes with a Content-Security-Policy that allows nothing but this
 * origin's own scripts and styles: the pages show patient-derived text, and an escaping slip must not become script.
 */
public final class WebFiles {

    /** No framing: the console and the shared files. */
    public static final String NO_FRAMING = "'none'";

    private static final Pattern FILE = Pattern.compile("/([a-z0-9-]+\\.(html|js|css|svg))");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "svg", "image/svg+xml");

    private final String folder;
    private final String contentSecurityPolicy;

    /**
     * @param folder         the WAR folder, e.g. {@code /console/}
     * @param frameAncestors the CSP {@code frame-ancestors} sources: {@link #NO_FRAMING}, or the EHR origins
     */
    public WebFiles(String folder, String frameAncestors) {
        this.folder = folder;
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** Sends the file at {@code path} ("/" is the index), or 404. */
    public void serve(ServletContext context, String path, HttpServletResponse response) throws IOException {
        Matcher file = FILE.matcher("/".equals(path) ? "/index.html" : path);
        InputStream content = file.matches() ? context.getResourceAsStream(folder + file.group(1)) : null;
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (content) {
            response.setContentType(TYPES.get(file.group(2)));
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            // the pages change with the WAR; a stale script against a newer API helps nobody
            response.setHeader("Cache-Control", "no-cache");
            content.transferTo(response.getOutputStream());
        }
    }
}
