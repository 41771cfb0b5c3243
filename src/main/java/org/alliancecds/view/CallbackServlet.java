package org.alliancecds.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/**
 * {@code GET /view/callback?code=…&state=…} (or {@code ?error=…}): the pending launch is used once, whatever comes
 * back; on success the launched view under a new session id (an id seen before the sign-in is worth nothing after it),
 * and a 303 to the page.
 */
@WebServlet("/view/callback")
public class CallbackServlet extends HttpServlet {

    @Inject
    ViewAccess access;

    @Inject
    ViewSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            PendingLaunch launch = sessions.takeLaunch(request).orElseThrow(() -> new ViewProblem(400, "no-launch",
                    "This browser session has no launch in progress (it may have expired). Open the view again "
                    + "from the EHR."));
            String query = request.getQueryString();
            URI callback = URI.create(launch.redirectUri() + (query == null ? "" : "?" + query));
            ViewSession launched = access.callback(callback, launch, ViewReplies.called(request));
            sessions.launched(request, response, launched);
            ViewReplies.noStore(response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/view/");
        } catch (ViewProblem problem) {
            ViewReplies.problem(request, response, problem);
        }
    }
}
