package org.alliancecds.hooks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The service answers at the context root, so discovery is {@code {base}/cds-services} as the spec expects. */
@ApplicationPath("/")
public class CdsApplication extends Application {
}
