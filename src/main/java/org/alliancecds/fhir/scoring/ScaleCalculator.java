package org.alliancecds.fhir.scoring;

import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes an instrument's scales from item weights, honouring each scale's missing-item policy; a scale the form
 * reports itself is used only when none of its items came; a combination of scales needs all of its terms.
 */
final class ScaleCalculator {

    private static final double CONFLICT_TOLERANCE = 0.5;

    /** Scale values by id, in definition order, and what could not be scored or did not agree. */
    record Result(Map<String, Double> values, List<String> notes) {
    }

    private ScaleCalculator() {
    }

    static Result compute(ScoringDefinition definition, Map<Integer, Double> weights, Map<String, Double> reported) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Scale scale : definition.scales()) {
            if (!scale.combination()) {
                fromItems(scale, weights, reported.get(scale.id()), values, notes);
            }
        }
        for (Scale scale : definition.scales()) {
            if (scale.combination() && values.keySet().containsAll(scale.terms().keySet())) {
                values.put(scale.id(), scale.terms().entrySet().stream()
                        .mapToDouble(term -> term.getValue() * values.get(term.getKey())).sum());
            }
        }
        return new Result(values, notes);
    }

    private static void fromItems(Scale scale, Map<Integer, Double> weights, Double reported,
                                  Map<String, Double> values, List<String> notes) {
        List<Double> answered = scale.items().stream().map(weights::get).filter(Objects::nonNull).toList();
        if (answered.isEmpty()) {
            if (reported != null) {
                values.put(scale.id(), reported);
            }
            return;
        }
        if (answered.size() < scale.requiredAnswers()) {
            notes.add(scale.label() + " not scored: " + answered.size() + " of " + scale.items().size()
                    + " items answered, " + scale.requiredAnswers() + " needed");
            return;
        }
        double value = valueOf(scale, answered);
        if (reported != null && Math.abs(reported - value) > CONFLICT_TOLERANCE) {
            notes.add(scale.label() + ": the form reports " + reported + " but its items give " + value
                    + "; the items are used");
        }
        values.put(scale.id(), value);
    }

    private static double valueOf(Scale scale, List<Double> answered) {
        double sum = answered.stream().mapToDouble(Double::doubleValue).sum();
        if ("mean".equals(scale.method())) {
            return sum / answered.size();
        }
        boolean incomplete = answered.size() < scale.items().size();
        return scale.prorate() && incomplete ? Math.round(sum * scale.items().size() / answered.size()) : sum;
    }
}
