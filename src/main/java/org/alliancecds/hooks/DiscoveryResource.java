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
 * answer them. A service's {@code version} is the CDS Hooks specification it implements, as the spec's next release
 * defines the field ("Discovery: Response", 3.0.0 ballot; 2.0 has no such field and ignores it); the rule-base version
 * is in the service's {@code extension}, the name CDS Hooks 2.0 reserves for such data ("Extensions").
 */
@Path("cds-services")
public class DiscoveryResource {

    static final String SPECIFICATION_VERSION = "2.0.1";
    static final String RULE_BASE_VERSION = "org.alliance-cds.rule-base-version";

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
                    .put("version", SPECIFICATION_VERSION);
            entry.putObject("extension").put(RULE_BASE_VERSION, version);
            ObjectNode prefetch = entry.putObject("prefetch");
            for (PrefetchQuery query : generation.instruments().queries()) {
                prefetch.put(query.key(), query.template());
            }
        }
        return Json.write(document);
    }
}
