package org.alliancecds.admin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.web.WebFiles;

import java.io.IOException;

/**
 * Serves the console's static files ({@code src/main/webapp/console/}) at {@code /console/}. JAX-RS answers every
 * path of the context root, and Payara's default servlet cannot be mapped from a WAR, so this servlet's more specific
 * mapping takes {@code /console/*}. The files go out as {@link WebFiles} sends them: flat names only, with a
 * Content-Security-Policy that runs only this origin's scripts and styles and forbids framing. The modules it shares
 * with the clinician view are under {@code /shared/}.
 */
@WebServlet("/console/*")
public class ConsoleFiles extends HttpServlet {

    private final transient WebFiles files = new WebFiles("/console/", WebFiles.NO_FRAMING);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        files.serve(getServletContext(), path, response);
    }
}
