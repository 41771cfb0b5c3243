package org.alliancecds.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.web.ViewPageFiles;

import java.io.IOException;
import java.net.URI;

/**
 * How the view's endpoints answer: JSON for the page's API and for a client that asks for it, a small HTML page for a
 * browser in the middle of a launch. Nothing it writes may be cached (patient data, or a launch's state).
 */
final class ViewReplies {

    static final ObjectMapper JSON = new ObjectMapper();

    private ViewReplies() {
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=UTF-8");
        noStore(response);
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** {@code {"problem": code, "message": text}}; as a page when the browser asks for HTML and not for JSON. */
    static void problem(HttpServletRequest request, HttpServletResponse response, ViewProblem problem)
            throws IOException {
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
        if (accept.contains("text/html") && !accept.contains("application/json")) {
            response.setStatus(problem.status());
            response.setContentType("text/html; charset=UTF-8");
            // framed by the EHR like the view itself; with frame-ancestors, browsers ignore the X-Frame-Options:
            // SAMEORIGIN Payara adds to answers of 400 and above, which would show a browser error in the frame
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors "
                    + ViewPageFiles.configuredFrameAncestors());
            noStore(response);
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                    + "Alliance and symptom trajectory</title></head><body><h1>The view could not open</h1><p id="
                    + "\"problem\" data-problem=\"" + escape(problem.problem()) + "\">" + escape(problem.getMessage())
                    + "</p></body></html>");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("problem", problem.problem()).put("message",
                problem.getMessage());
        json(response, problem.status(), body);
    }

    /** The application's root as the browser called it, e.g. {@code http://127.0.0.1:8080/}. */
    static URI called(HttpServletRequest request) {
        return URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/");
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
