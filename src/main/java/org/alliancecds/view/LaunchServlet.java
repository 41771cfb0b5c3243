package org.alliancecds.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /view/launch?iss=…&launch=…} (EHR launch) or {@code ?iss=…} (standalone): a new session holding the
 * pending launch, and a 302 to the EHR's authorization endpoint. An earlier view in the same browser ends here: one
 * launch, one patient.
 */
@WebServlet("/view/launch")
public class LaunchServlet extends HttpServlet {

    @Inject
    ViewAccess access;

    @Inject
    ViewSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SmartLaunch.Started started = access.launch(request.getParameter("iss"), request.getParameter("launch"),
                    ViewReplies.called(request));
            sessions.begin(request, response, started.pending());
            ViewReplies.noStore(response);
            response.sendRedirect(started.redirect().toString());
        } catch (ViewProblem problem) {
            ViewReplies.problem(request, response, problem);
        }
    }
}
