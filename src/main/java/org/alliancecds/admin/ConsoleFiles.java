package org.alliancecds.admin;

import jakarta.servlet.annotation.WebServlet;
import org.alliancecds.common.FolderFiles;

/**
 * Serves the console's static files ({@code src/main/webapp/console/}) at {@code /console/}, with a
 * Content-Security-Policy that allows nothing but this origin's own scripts and styles, and no framing.
 */
@WebServlet("/console/*")
public class ConsoleFiles extends FolderFiles {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public ConsoleFiles() {
        super("/console/", CONTENT_SECURITY_POLICY);
    }
}
