package org.alliancecds.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * The clinician view's page ({@code src/main/webapp/view/}) at {@code /view/}. Its files are mapped one by one,
 * not as {@code /view/*}: that mapping would take {@code /view/api/…} and the launch endpoints from JAX-RS. A new
 * file in the folder needs its path here ({@code ViewPageFilesTest} checks). EHRs show the view in an iframe, so
 * unlike the console it may be framed, by the origins in {@code cds.view.frame-ancestors} (space-separated CSP
 * sources, e.g. {@code https://ehr.example.org}; default {@code 'self'}).
 */
@WebServlet({"/view", "/view/", "/view/index.html", "/view/view.js", "/view/model.js", "/view/render.js",
        "/view/view.css"})
public class ViewPageFiles extends HttpServlet {

    static final String FRAME_ANCESTORS = "cds.view.frame-ancestors";

    private transient WebFiles files;

    @Override
    public void init() {
        files = new WebFiles("/view/", configuredFrameAncestors());
    }

    /**
     * The sources that may frame the view's pages, from {@code cds.view.frame-ancestors}: its files and the pages
     * that say why a launch stopped, which an EHR shows in the same frame.
     */
    public static String configuredFrameAncestors() {
        return frameAncestors(ConfigProvider.getConfig().getOptionalValue(FRAME_ANCESTORS, String.class).orElse(""));
    }

    /** The configured sources, or {@code 'self'}; characters that would end the CSP directive are refused. */
    static String frameAncestors(String configured) {
        String sources = configured.trim();
        if (sources.isEmpty()) {
            return "'self'";
        }
        if (!sources.matches("[A-Za-z0-9:/.*' -]+")) {
            throw new IllegalArgumentException(FRAME_ANCESTORS + " holds characters a CSP source cannot: " + sources);
        }
        return sources;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if ("/view".equals(path)) {
            response.sendRedirect(request.getContextPath() + "/view/"
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            return;
        }
        files.serve(getServletContext(), path.substring("/view".length()), response);
    }
}
