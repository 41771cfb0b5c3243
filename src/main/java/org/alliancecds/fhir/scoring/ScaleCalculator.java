package org.alliancecds.fhir.scoring;

import org.alliancecds.fhir.scoring.ScoringDefinition.Scale;

import java.util.List;
import java.util.Map;

/** Computes a scale from item weights, honouring the definition's missing-item policy. */
final class ScaleCalculator {

    /**
     * A scale's value, or why there is none.
     *
     * @param value    the score, or null when it could not be computed
     * @param answered how many of the scale's items were answered
     */
    record Outcome(Double value, int answered) {
        boolean scored() {
            return value != null;
        }
    }

    private ScaleCalculator() {
    }

    static Outcome compute(Scale scale, Map<Integer, Double> weightsByItem) {
        List<Double> answered = scale.items().stream()
                .map(weightsByItem::get)
                .filter(weight -> weight != null)
                .toList();
        if (answered.isEmpty() || answered.size() < scale.requiredAnswers()) {
            return new Outcome(null, answered.size());
        }
        double sum = answered.stream().mapToDouble(Double::doubleValue).sum();
        if ("mean".equals(scale.method())) {
            return new Outcome(sum / answered.size(), answered.size());
        }
        boolean incomplete = answered.size() < scale.items().size();
        double value = scale.prorate() && incomplete
                ? Math.round(sum * scale.items().size() / answered.size())
                : sum;
        return new Outcome(value, answered.size());
    }
}
