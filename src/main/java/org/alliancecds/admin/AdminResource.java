package org.alliancecds.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.hooks.InService;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleProblem;

/**
 * {@code GET /admin/rule-base}: the rule-base version in service, when it was compiled, and the reload history
 * with every refused change's problems at their file and line.
 */
@Path("admin/rule-base")
public class AdminResource {

    @Inject
    InService inService;

    @Inject
    ReloadService reloads;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ruleBase() {
        ObjectNode status = AdminJson.MAPPER.createObjectNode();
        inService.ruleBase().ifPresent(ruleBase -> status.put("version", ruleBase.version())
                .put("compiledAt", ruleBase.compiledAt().toString()).put("rules", ruleBase.rules().size()));
        ArrayNode history = status.putArray("reloads");
        for (ReloadRecord record : reloads.history()) {
            ObjectNode entry = history.addObject().put("at", record.at().toString())
                    .put("accepted", record.accepted()).put("version", record.version())
                    .put("tookMs", record.tookMs());
            ArrayNode problems = entry.putArray("problems");
            for (RuleProblem problem : record.problems()) {
                problems.addObject().put("file", problem.file()).put("line", problem.line())
                        .put("message", problem.message());
            }
        }
        return status.toString();
    }
}
