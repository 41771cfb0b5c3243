package org.alliancecds.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The modules and styles the console and the clinician view share ({@code src/main/webapp/shared/}). */
@WebServlet("/shared/*")
public class SharedFiles extends HttpServlet {

    private final transient WebFiles files = new WebFiles("/shared/", WebFiles.NO_FRAMING);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        files.serve(getServletContext(), path, response);
    }
}
