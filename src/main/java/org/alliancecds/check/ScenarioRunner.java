package org.alliancecds.check;

import org.alliancecds.cards.Card;
import org.alliancecds.hooks.CdsProblem;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Runs scenario cases through whatever answers hook calls: the in-process handler, or the service over HTTP. */
public final class ScenarioRunner {

    private final BiFunction<String, String, List<Card>> answer;

    /** @param answer the cards for a service id and a request body */
    public ScenarioRunner(BiFunction<String, String, List<Card>> answer) {
        this.answer = answer;
    }

    public List<ScenarioResult> run(List<ScenarioCase> cases) {
        return cases.stream().map(this::run).toList();
    }

    public ScenarioResult run(ScenarioCase scenario) {
        try {
            return ScenarioResult.of(scenario, answer.apply(scenario.serviceId(), scenario.request().toString()));
        } catch (CdsProblem problem) {
            return new ScenarioResult(scenario, Set.of(), List.of(),
                    "HTTP " + problem.status() + ": " + problem.getMessage());
        }
    }
}
