package org.alliancecds.release;

import java.util.List;

/**
 * What a candidate would have changed: how many live calls it was compared on, on how many its cards differed, and
 * the differences per rule.
 *
 * @param candidate      the release in shadow
 * @param comparedCalls  live calls it was evaluated on, every instance together
 * @param differingCalls of those, calls where any card differed
 * @param rules          per rule, by rule id
 */
public record ShadowReport(SemanticVersion candidate, long comparedCalls, long differingCalls,
                           List<RuleShadowDifferences> rules) {

    public ShadowReport {
        rules = List.copyOf(rules);
    }
}
