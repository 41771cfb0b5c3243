package org.alliancecds.admin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the console's static files ({@code src/main/webapp/console/}) at {@code /console/}. JAX-RS answers every
 * path of the context root, and Payara's default servlet cannot be mapped from a WAR, so this servlet's more specific
 * mapping takes {@code /console/*}. It serves only flat file names with a known type, so no path reaches outside the
 * folder, and sends a Content-Security-Policy that allows nothing but this origin's own scripts and styles: cards
 * carry patient-derived text, and an escaping slip must not become script.
 */
@WebServlet("/console/*")
public class ConsoleFiles extends HttpServlet {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String FOLDER = "/console/";
    private static final Pattern FILE = Pattern.compile("/([a-z0-9-]+\\.(html|js|css|svg))");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + FOLDER);
            return;
        }
        Matcher file = FILE.matcher("/".equals(path) ? "/index.html" : path);
        InputStream content = file.matches() ? getServletContext().getResourceAsStream(FOLDER + file.group(1)) : null;
        if (content == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (content) {
            response.setContentType(TYPES.get(file.group(2)));
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            // the console changes with the WAR; a stale script against a newer API helps nobody
            response.setHeader("Cache-Control", "no-cache");
            content.transferTo(response.getOutputStream());
        }
    }
}
