package org.alliancecds.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.hooks.InService;

/** {@code GET /admin/catalogue}: the card rules in service with their findings, thresholds and evidence. */
@Path("admin/catalogue")
public class CatalogueResource {

    @Inject
    InService inService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String catalogue() {
        return AdminJson.write(inService.ruleBase().map(Catalogue::of).orElseThrow(() -> new CdsProblem(503,
                "transient", "no rule base is in service; GET /admin/rule-base shows why")));
    }
}
