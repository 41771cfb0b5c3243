package org.alliancecds.hooks;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alliancecds.audit.AuditTrail;
import org.alliancecds.audit.FeedbackItem;
import org.alliancecds.common.Caller;
import org.alliancecds.hooks.security.Authentication;
import org.alliancecds.quiet.AnsweredCards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /cds-services/{id}} (a hook call) and {@code POST /cds-services/{id}/feedback}. */
@Path("cds-services/{id}")
public class HookResource {

    @Inject
    HookHandler handler;

    @Inject
    AuditTrail audit;

    @Inject
    AnsweredCards answeredCards;

    @Inject
    InService inService;

    @Inject
    Clock clock;

    @Inject
    Authentication authentication;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String call(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        Object issuer = request.getAttribute(Caller.ISSUER_PROPERTY);
        return Json.write(Map.of("cards", handler.answer(id, body, AuditFilter.notesOf(request),
                authentication.fhirServersFor(issuer instanceof String text ? text : null))));
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("id") String id, String body, @Context HttpServletRequest request) {
        Instant received = clock.instant();
        List<FeedbackItem> items = FeedbackReader.read(body, CdsService.byId(id));
        FeedbackReader.requireAcceptedSuggestions(items, this::offeredSuggestions);
        audit.feedback(items, AuditFilter.callerOf(request), received);
        answeredCards.answered(items, received);
        return Response.ok().build();
    }

    /**
     * Whether the card of this uuid offered suggestions: a card has one when its rule names a suggestion, judged by
     * the rule base in service. Not known (an unknown card, no cache or database) counts as no.
     */
    private boolean offeredSuggestions(String cardUuid) {
        return answeredCards.ruleOf(cardUuid)
                .flatMap(ruleId -> inService.ruleBase().flatMap(ruleBase -> ruleBase.rule(ruleId)))
                .map(rule -> rule.suggestion() != null).orElse(false);
    }
}
