package org.alliancecds.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One rule's counts as the statistics query gathers them, row by row. */
final class RuleCounts {

    private static final Comparator<FeedbackStatistics.Count> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(FeedbackStatistics.Count::count).reversed()
                    .thenComparing(count -> Objects.toString(count.value(), ""));

    private final String ruleId;
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Long> reasons = new HashMap<>();
    private long accepted;
    private long overridden;

    RuleCounts(String ruleId) {
        this.ruleId = ruleId;
    }

    void shown(String version, long cards) {
        versions.merge(version, cards, Long::sum);
    }

    void answered(String outcome, String reason, long answers) {
        if ("accepted".equals(outcome)) {
            accepted += answers;
        } else {
            // The feedback endpoint admits only accepted and overridden.
            overridden += answers;
            reasons.merge(reason, answers, Long::sum);
        }
    }

    FeedbackStatistics.RuleFeedback result() {
        long shown = versions.values().stream().mapToLong(Long::longValue).sum();
        return new FeedbackStatistics.RuleFeedback(ruleId, shown, accepted, overridden, sorted(reasons),
                sorted(versions));
    }

    private static List<FeedbackStatistics.Count> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> new FeedbackStatistics.Count(entry.getKey(), entry.getValue()))
                .sorted(MOST_FREQUENT_FIRST).toList();
    }
}
