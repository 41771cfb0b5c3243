package org.alliancecds.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancecds.hooks.CdsProblem;

import java.io.IOException;

/**
 * {@code GET /view/api/patient}: the launched patient's view as JSON; 401 {@code no-session} without a launched view,
 * 401 {@code expired} when its token has expired or the FHIR server refuses it.
 */
@WebServlet("/view/api/*")
public class PatientApiServlet extends HttpServlet {

    @Inject
    PatientReader reader;

    @Inject
    ViewSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!"/patient".equals(request.getPathInfo())) {
                throw new ViewProblem(404, "not-found", "No such part of the view's API.");
            }
            ViewSession view = sessions.view(request).orElseThrow(() -> new ViewProblem(401, "no-session",
                    "The view has not been launched in this browser session. Open it from the patient's chart in "
                    + "the EHR."));
            ViewReplies.json(response, 200, reader.read(view));
        } catch (ViewProblem problem) {
            ViewReplies.problem(request, response, problem);
        } catch (CdsProblem problem) {
            ViewReplies.problem(request, response, new ViewProblem(problem.status(), "unavailable",
                    "The service is starting or its rules failed to load; try again in a minute."));
        }
    }
}
