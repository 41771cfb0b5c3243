package org.alliancecds.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.check.ScenarioResult;
import org.alliancecds.facts.Finding;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.hooks.HookAnswer;
import org.alliancecds.hooks.HookHandler;
import org.alliancecds.rules.RuleMetadata;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evaluates what an informaticist posts in the console's "try it": a CDS Hooks request, or a scenario case file
 * (told apart by its top-level {@code request}), dates written as {@code {{today-N}}} resolved in either. It goes
 * through the service's own {@link HookHandler}, so the cards are the ones an EHR would get, but never reaches a
 * FHIR server: {@code fhirServer} and {@code fhirAuthorization} are dropped, and a request whose data is not all in
 * its prefetch gets the 412 an EHR would get without a server.
 */
public final class TryEvaluator {

    static final String POSTED_CASE = "posted case";
    private static final String SERVICE_PREFIX = "alliance-";

    private final HookHandler handler;
    private final Clock clock;

    public TryEvaluator(HookHandler handler, Clock clock) {
        this.handler = handler;
        this.clock = clock;
    }

    /** @throws CdsProblem 400 when the body is neither a request nor a scenario case */
    public TryResult evaluate(String body) {
        LocalDate today = LocalDate.now(clock);
        JsonNode posted = parse(ScenarioCases.resolveDays(body == null ? "" : body, today));
        ScenarioCase scenario = posted.has("request") ? scenario(body, today) : null;
        JsonNode request = scenario != null ? scenario.request() : posted;
        if (!request.isObject()) {
            throw CdsProblem.invalid("'request' must be a JSON object: a CDS Hooks request");
        }
        List<String> notes = new ArrayList<>();
        ObjectNode offline = ((ObjectNode) request).deepCopy();
        boolean hadServer = offline.remove("fhirServer") != null;
        boolean hadAuthorization = offline.remove("fhirAuthorization") != null;
        if (hadServer || hadAuthorization) {
            notes.add("fhirServer and fhirAuthorization were dropped: the console evaluates the prefetch alone and "
                    + "never calls a FHIR server");
        }
        String service = SERVICE_PREFIX + request.path("hook").asText();
        try {
            HookAnswer answer = handler.explain(service, offline.toString());
            answer.patient().notes().forEach(note -> notes.add(note.source() + ": " + note.message()));
            List<TryResult.FiredRule> fired = answer.evaluation().findings().stream()
                    .map(finding -> TryResult.FiredRule.of(finding, title(answer, finding))).toList();
            Set<String> firedIds = fired.stream().map(TryResult.FiredRule::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            ScenarioResult outcome = scenario == null ? null
                    : new ScenarioResult(scenario, firedIds, answer.cards(), null);
            return result(scenario, service, answer.evaluation().ruleBase().version(), answer, fired, outcome, null,
                    notes, PatientChart.of(answer.patient().facts(), answer.evaluation().ruleBase().thresholds()));
        } catch (CdsProblem problem) {
            ScenarioResult outcome = scenario == null ? null
                    : new ScenarioResult(scenario, Set.of(), List.of(), "HTTP " + problem.status());
            return result(scenario, service, null, null, List.of(), outcome,
                    new TryResult.Problem(problem.status(), problem.getMessage()), notes, PatientChart.empty());
        }
    }

    private static TryResult result(ScenarioCase scenario, String service, String version, HookAnswer answer,
                                    List<TryResult.FiredRule> fired, ScenarioResult outcome,
                                    TryResult.Problem problem, List<String> notes, PatientChart chart) {
        return new TryResult(scenario == null ? "request" : "scenario",
                scenario == null ? null : scenario.description(), service, version,
                answer == null ? List.of() : answer.cards(), fired,
                scenario == null ? null : List.copyOf(new TreeSet<>(scenario.fires())),
                outcome == null ? null : outcome.passed(),
                outcome == null ? List.of() : List.copyOf(outcome.missing()),
                outcome == null ? List.of() : List.copyOf(outcome.unexpected()), problem, notes, chart);
    }

    private static String title(HookAnswer answer, Finding finding) {
        return answer.evaluation().ruleBase().rule(finding.ruleId()).map(RuleMetadata::title).orElse(null);
    }

    private static ScenarioCase scenario(String body, LocalDate today) {
        try {
            return ScenarioCases.parse(POSTED_CASE, body, today);
        } catch (IOException e) {
            throw CdsProblem.invalid(e.getMessage());
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode posted = AdminJson.MAPPER.readTree(body);
            if (posted == null || !posted.isObject()) {
                throw CdsProblem.invalid("post a CDS Hooks request or a scenario case: a JSON object");
            }
            return posted;
        } catch (JsonProcessingException e) {
            throw CdsProblem.invalid("not JSON: " + e.getOriginalMessage());
        }
    }
}
