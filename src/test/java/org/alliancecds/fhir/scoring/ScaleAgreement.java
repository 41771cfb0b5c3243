package org.alliancecds.fhir.scoring;

import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a scale can be computed from its definition: its items exist, its terms name scales that exist. */
final class ScaleAgreement {

    private static final Set<String> METHODS = Set.of("sum", "mean", Scale.COMBINATION);

    private ScaleAgreement() {
    }

    static List<String> problems(ScoringDefinition definition, Scale scale) {
        List<String> problems = new ArrayList<>();
        String name = "scale " + scale.id();
        if (!METHODS.contains(scale.method())) {
            problems.add(name + ": unknown method " + scale.method());
        }
        scale.items().stream()
                .filter(number -> definition.item(number).isEmpty())
                .forEach(number -> problems.add(name + ": item " + number + " is not defined"));
        if (scale.combination()) {
            Set<String> components = definition.scales().stream()
                    .filter(other -> !other.combination())
                    .map(Scale::id)
                    .collect(Collectors.toSet());
            if (scale.terms().isEmpty()) {
                problems.add(name + ": a combination needs terms");
            }
            scale.terms().keySet().stream()
                    .filter(term -> !components.contains(term))
                    .forEach(term -> problems.add(name + ": term " + term + " is not a scale computed from items"));
        } else if (scale.items().isEmpty() && scale.reportedCodes().isEmpty() && scale.reportedLinkIds().isEmpty()) {
            problems.add(name + ": has no items and nothing reports it");
        }
        return problems;
    }
}
