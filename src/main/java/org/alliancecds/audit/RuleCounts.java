package org.alliancecds.audit;

import java.util.Arrays;
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
    private final Map<List<String>, Long> reasons = new HashMap<>();
    private long accepted;
    private long overridden;

    RuleCounts(String ruleId) {
        this.ruleId = ruleId;
    }

    void shown(String version, long cards) {
        versions.merge(version, cards, Long::sum);
    }

    void answered(String outcome, String reasonSystem, String reasonCode, long answers) {
        if ("accepted".equals(outcome)) {
            accepted += answers;
        } else {
            // The feedback endpoint admits only accepted and overridden.
            overridden += answers;
            reasons.merge(Arrays.asList(reasonSystem, reasonCode), answers, Long::sum);
        }
    }

    FeedbackStatistics.RuleFeedback result() {
        long shown = versions.values().stream().mapToLong(Long::longValue).sum();
        List<FeedbackStatistics.ReasonCount> byReason = reasons.entrySet().stream()
                .map(entry -> new FeedbackStatistics.ReasonCount(entry.getKey().get(0), entry.getKey().get(1),
                        entry.getValue()))
                .sorted(Comparator.comparingLong(FeedbackStatistics.ReasonCount::count).reversed()
                        .thenComparing(reason -> Objects.toString(reason.code(), ""))
                        .thenComparing(reason -> Objects.toString(reason.system(), "")))
                .toList();
        return new FeedbackStatistics.RuleFeedback(ruleId, shown, accepted, overridden, byReason, sorted(versions));
    }

    private static List<FeedbackStatistics.Count> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> new FeedbackStatistics.Count(entry.getKey(), entry.getValue()))
                .sorted(MOST_FREQUENT_FIRST).toList();
    }
}
