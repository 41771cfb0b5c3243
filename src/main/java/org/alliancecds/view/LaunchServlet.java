package org.alliancecds.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * {@code GET /view/launch?iss=…&launch=…} (EHR launch) or {@code ?iss=…} (standalone): a new session holding the
 * pending launch, and a 302 to the EHR's authorization endpoint. An earlier view in the same browser session ends
 * here: one launch, one patient.
 */
@WebServlet("/view/launch")
public class LaunchServlet extends HttpServlet {

    @Inject
    ViewAccess access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SmartLaunch.Started started = access.launch(request.getParameter("iss"), request.getParameter("launch"),
                    ViewReplies.called(request));
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            request.getSession(true).setAttribute(PendingLaunch.ATTRIBUTE, started.pending());
            ViewReplies.noStore(response);
            response.sendRedirect(started.redirect().toString());
        } catch (ViewProblem problem) {
            ViewReplies.problem(request, response, problem);
        }
    }
}
