package org.alliancecds.hooks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The service answers at the context root, so discovery is {@code {base}/cds-services} as the spec expects. Jersey's
 * generated WADL is switched off: it would list every path, the admin API's included, to anyone.
 */
@ApplicationPath("/")
public class CdsApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
