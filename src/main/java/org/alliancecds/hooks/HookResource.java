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
        return Json.write(Map.of("cards", handler.answer(id, body)));
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("id") String id, String body) {
        feedback.record(FeedbackReader.read(body, CdsService.byId(id)));
        return Response.ok().build();
    }
}
