package org.alliancecds.view;

import jakarta.servlet.annotation.WebServlet;
import org.alliancecds.common.FolderFiles;

/**
 * Serves the view's page ({@code src/main/webapp/view/}) at {@code /view/}; {@code /view/launch},
 * {@code /view/callback} and {@code /view/api/*} are servlets of their own (an exact or longer mapping wins). The
 * Content-Security-Policy allows only this origin's scripts, styles and API; unlike the console's it allows framing,
 * since EHRs show SMART apps in a frame of their own pages, whose origin the service cannot know in advance.
 */
@WebServlet("/view/*")
public class ViewFiles extends FolderFiles {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

    public ViewFiles() {
        super("/view/", CONTENT_SECURITY_POLICY);
    }
}
