package org.alliancecds.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.hooks.HookHandler;

import java.time.Clock;

/**
 * {@code POST /admin/try}: a CDS Hooks request or a scenario case evaluated as the service would answer it, with
 * the rules that fired and the patient's data. A request the service would refuse is answered 200 with the
 * refusal in {@code problem}, because showing it is the point; only a body that is not JSON is a 400.
 */
@Path("admin/try")
public class TryResource {

    @Inject
    HookHandler handler;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String evaluate(String body) {
        return AdminJson.write(new TryEvaluator(handler, clock).evaluate(body));
    }
}
