package org.alliancecds.check;

import org.alliancecds.cards.Card;
import org.alliancecds.hooks.CdsProblem;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

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
            Set<String> fired = answer.apply(scenario.serviceId(), scenario.request().toString()).stream()
                    .map(card -> card.source().topic().code())
                    .collect(Collectors.toSet());
            return new ScenarioResult(scenario, fired, null);
        } catch (CdsProblem problem) {
            return new ScenarioResult(scenario, Set.of(), "HTTP " + problem.status() + ": " + problem.getMessage());
        }
    }
}
