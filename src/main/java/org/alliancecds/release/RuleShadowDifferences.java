package org.alliancecds.release;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How one rule's cards differed under the candidate.
 *
 * @param ruleId   the rule
 * @param counts   how many differences of each kind were recorded (kinds without any are absent)
 * @param examples a few of them, the latest first
 */
public record RuleShadowDifferences(String ruleId, Map<ShadowChange, Long> counts, List<ShadowDifference> examples) {

    public RuleShadowDifferences {
        EnumMap<ShadowChange, Long> ordered = new EnumMap<>(ShadowChange.class);
        ordered.putAll(counts);
        counts = Collections.unmodifiableMap(ordered);
        examples = List.copyOf(examples);
    }

    /** Every difference recorded for the rule. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
