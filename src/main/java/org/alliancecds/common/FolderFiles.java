package org.alliancecds.common;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one folder of the WAR's static files at its path ({@code /console/}, {@code /view/}). JAX-RS answers every
 * path of the context root, and Payara's default servlet cannot be mapped from a WAR, so a subclass's more specific
 * mapping takes the folder. Only flat file names with a known type are served, so no path reaches outside the folder,
 * with the subclass's Content-Security-Policy: pages show patient-derived text, and an escaping slip must not become
 * script.
 */
public abstract class FolderFiles extends HttpServlet {

    private static final Pattern FILE = Pattern.compile("/([a-z0-9-]+\\.(html|js|css|svg))");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "svg", "image/svg+xml");

    private final String folder;
    private final String contentSecurityPolicy;

    /** @param folder the folder in the WAR and its path, with slashes on both sides ({@code /console/}) */
    protected FolderFiles(String folder, String contentSecurityPolicy) {
        this.folder = folder;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + folder);
            return;
        }
        Matcher file = FILE.matcher("/".equals(path) ? "/index.html" : path);
        InputStream content = file.matches() ? getServletContext().getResourceAsStream(folder + file.group(1)) : null;
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
