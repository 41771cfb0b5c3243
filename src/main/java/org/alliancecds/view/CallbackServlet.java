package org.alliancecds.view;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;

/**
 * {@code GET /view/callback?code=…&state=…} (or {@code ?error=…}): the pending launch is used once, whatever comes
 * back; on success the session gets a new id (a session id seen before the login is worth nothing after it), the
 * launched view, and a 303 to the page.
 */
@WebServlet("/view/callback")
public class CallbackServlet extends HttpServlet {

    @Inject
    ViewAccess access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            HttpSession session = request.getSession(false);
            Object pending = session == null ? null : session.getAttribute(PendingLaunch.ATTRIBUTE);
            if (!(pending instanceof PendingLaunch launch)) {
                throw new ViewProblem(400, "no-launch", "This browser session has no launch in progress (it may "
                        + "have expired). Open the view again from the EHR.");
            }
            session.removeAttribute(PendingLaunch.ATTRIBUTE);
            String query = request.getQueryString();
            URI callback = URI.create(launch.redirectUri() + (query == null ? "" : "?" + query));
            ViewSession launched = access.callback(callback, launch, ViewReplies.called(request));
            request.changeSessionId();
            session.setAttribute(ViewSession.ATTRIBUTE, launched);
            ViewReplies.noStore(response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/view/");
        } catch (ViewProblem problem) {
            ViewReplies.problem(request, response, problem);
        }
    }
}
