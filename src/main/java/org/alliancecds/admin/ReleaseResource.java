package org.alliancecds.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.knowledge.ArtifactStatus;
import org.alliancecds.knowledge.KnowledgeArtifacts;
import org.alliancecds.release.ReleaseEvent;
import org.alliancecds.release.ReleaseServing;
import org.alliancecds.release.ReleaseState;
import org.alliancecds.release.ReleaseStates;
import org.alliancecds.release.ReleaseSteps;
import org.alliancecds.release.ReleaseSummary;
import org.alliancecds.release.SemanticVersion;
import org.alliancecds.rules.RuleBase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The release workflow's admin API ({@code cds.rules.source=releases}; 409 otherwise). {@code GET /admin/releases}:
 * the releases with their version, state and content hash, the steps taken (who, when, why), the version each
 * instance serves and the candidate in shadow. {@code POST /admin/releases} creates one from the folders
 * ({@code {"comment", "version"?}}); {@code POST …/{version}/shadow}, {@code …/shadow/stop}, {@code …/activate}
 * ({@code {"comment", "at"?}}) and {@code …/rollback} take a step, each with a required comment and recorded under
 * the admin credential's name. {@code GET …/{version}} is one release with its history and shadow report,
 * {@code GET …/{version}/fhir} its catalogue as FHIR knowledge artifacts.
 */
@Path("admin/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    private static final int EXAMPLES_PER_RULE = 5;

    @Inject
    ReleaseSteps steps;

    @Inject
    ReleaseServing serving;

    @Inject
    KnowledgeArtifacts knowledge;

    @Context
    ContainerRequestContext request;

    @GET
    public String overview() {
        return ReleaseProblems.answer(() -> {
            ReleaseStates states = steps.states();
            ObjectNode overview = AdminJson.MAPPER.createObjectNode();
            overview.set("instances", ReleaseJson.instances(steps.instances(), serving, states.at()));
            states.active().ifPresent(active -> overview.put("active", active.toString()));
            states.shadow().ifPresent(candidate -> overview.put("shadow", candidate.toString()));
            ArrayNode releases = overview.putArray("releases");
            for (ReleaseSummary release : steps.releases()) {
                releases.add(ReleaseJson.summary(release, states.of(release.version())));
            }
            ArrayNode events = overview.putArray("history");
            states.history().forEach(event -> events.add(ReleaseJson.event(event)));
            return overview.toString();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        return ReleaseProblems.answer(() -> {
            JsonNode request = ReleaseJson.body(body);
            ReleaseSummary created = steps.create(ReleaseJson.optionalText(request, "version"), admin(),
                    ReleaseJson.text(request, "comment"));
            return Response.status(201).entity(ReleaseJson.summary(created, ReleaseState.DRAFT).toString())
                    .build();
        });
    }

    @GET
    @Path("{version}")
    public String release(@PathParam("version") String version) {
        return ReleaseProblems.answer(() -> {
            SemanticVersion parsed = ReleaseJson.version(version);
            List<ReleaseEvent> history = steps.history(parsed);
            ObjectNode release = ReleaseJson.summary(steps.summary(parsed), steps.states().of(parsed));
            ArrayNode events = release.putArray("history");
            history.forEach(event -> events.add(ReleaseJson.event(event)));
            release.set("shadowReport", ReleaseJson.report(steps.report(parsed, EXAMPLES_PER_RULE)));
            return release.toString();
        });
    }

    @GET
    @Path("{version}/shadow")
    public String shadowReport(@PathParam("version") String version) {
        return ReleaseProblems.answer(() -> ReleaseJson.report(steps.report(ReleaseJson.version(version),
                EXAMPLES_PER_RULE)).toString());
    }

    @POST
    @Path("{version}/shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    public String startShadow(@PathParam("version") String version, String body) {
        return ReleaseProblems.answer(() -> ReleaseJson.event(steps.startShadow(ReleaseJson.version(version),
                admin(), ReleaseJson.text(ReleaseJson.body(body), "comment"))).toString());
    }

    @POST
    @Path("shadow/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    public String stopShadow(String body) {
        return ReleaseProblems.answer(() -> ReleaseJson.event(steps.stopShadow(admin(),
                ReleaseJson.text(ReleaseJson.body(body), "comment"))).toString());
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    public String activate(@PathParam("version") String version, String body) {
        return ReleaseProblems.answer(() -> {
            JsonNode request = ReleaseJson.body(body);
            Optional<Instant> at = ReleaseJson.optionalText(request, "at").map(ReleaseJson::instant);
            return ReleaseJson.event(steps.activate(ReleaseJson.version(version), admin(),
                    ReleaseJson.text(request, "comment"), at)).toString();
        });
    }

    @POST
    @Path("{version}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public String rollBack(@PathParam("version") String version, String body) {
        return ReleaseProblems.answer(() -> ReleaseJson.event(steps.rollBack(ReleaseJson.version(version), admin(),
                ReleaseJson.text(ReleaseJson.body(body), "comment"))).toString());
    }

    /** The release's catalogue as FHIR knowledge artifacts: a Bundle of one PlanDefinition per rule and a Library. */
    @GET
    @Path("{version}/fhir")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    public String fhir(@PathParam("version") String version) {
        return ReleaseProblems.answer(() -> {
            SemanticVersion parsed = ReleaseJson.version(version);
            ReleaseSummary summary = steps.summary(parsed);
            ReleaseState state = steps.states().of(parsed);
            RuleBase ruleBase = serving.generation(parsed).ruleBase();
            ArtifactStatus artifacts = switch (state) {
                case ACTIVE -> ArtifactStatus.ACTIVE;
                case RETIRED -> ArtifactStatus.RETIRED;
                case DRAFT, SHADOW, SCHEDULED -> ArtifactStatus.DRAFT;
            };
            return knowledge.json(new org.alliancecds.knowledge.Release(parsed.toString(), summary.contentHash(),
                    artifacts, summary.createdAt()), Catalogue.of(ruleBase), ruleBase.thresholds());
        });
    }

    private String admin() {
        if (!(request.getProperty(AdminGuard.ADMIN_PROPERTY) instanceof String name)) {
            throw new CdsProblem(401, "login", "no admin credential named the caller");
        }
        return name;
    }
}
