package org.alliancecds.hooks;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alliancecds.audit.FeedbackLog;

import java.util.Map;

/** {@code POST /cds-services/{id}} (a hook call) and {@code POST /cds-services/{id}/feedback}. */
@Path("cds-services/{id}")
public class HookResource {

    @Inject
    HookHandler handler;

    @Inject
    FeedbackLog feedback;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String call(@PathParam("id") String id, String body) {
        CdsService service = service(id);
        HookCall call = HookRequestReader.read(body, service);
        return Json.write(Map.of("cards", handler.cards(call)));
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("id") String id, String body) {
        CdsService service = service(id);
        feedback.record(FeedbackReader.read(body, service));
        return Response.ok().build();
    }

    private static CdsService service(String id) {
        return CdsService.ALL.stream().filter(service -> service.id().equals(id)).findFirst()
                .orElseThrow(() -> new CdsProblem(404, "not-found", "no CDS service '" + id + "' here; "
                        + "GET /cds-services lists the services"));
    }
}
