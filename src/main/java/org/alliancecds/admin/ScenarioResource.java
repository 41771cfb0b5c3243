package org.alliancecds.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.hooks.CdsProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * {@code GET /admin/scenarios}: the scenario case files of the rules directory in service, and
 * {@code GET /admin/scenarios/{rule}/{file}}: one of them as written, for the console to run or edit.
 */
@Path("admin/scenarios")
public class ScenarioResource {

    @Inject
    @ConfigProperty(name = "cds.rules.dir", defaultValue = "rules")
    String rulesDirectory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        return AdminJson.write(Map.of("scenarios", files().list()));
    }

    @GET
    @Path("{rule}/{file}")
    @Produces(MediaType.APPLICATION_JSON)
    public String read(@PathParam("rule") String rule, @PathParam("file") String file) {
        return files().read(rule, file).orElseThrow(() -> new CdsProblem(404, "not-found",
                "no scenario case " + rule + "/" + file + "; GET /admin/scenarios lists them"));
    }

    private ScenarioFiles files() {
        return new ScenarioFiles(java.nio.file.Path.of(rulesDirectory));
    }
}
