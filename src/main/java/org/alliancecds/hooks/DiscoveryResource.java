package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.fhir.PrefetchQuery;

/**
 * {@code GET /cds-services}: our services, their prefetch templates, and the version of the rule base that will
 * answer them.
 */
@Path("cds-services")
public class DiscoveryResource {

    @Inject
    InService inService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String discovery() {
        Generation generation = inService.require();
        String version = generation.ruleBase().version();
        ObjectNode document = Json.MAPPER.createObjectNode();
        ArrayNode services = document.putArray("services");
        for (CdsService service : CdsService.ALL) {
            ObjectNode entry = services.addObject()
                    .put("hook", service.hook())
                    .put("id", service.id())
                    .put("title", service.title())
                    .put("description", service.description())
                    .put("version", version);
            ObjectNode prefetch = entry.putObject("prefetch");
            for (PrefetchQuery query : generation.instruments().queries()) {
                prefetch.put(query.key(), query.template());
            }
        }
        return Json.write(document);
    }
}
