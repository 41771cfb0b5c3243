package org.alliancecds.rules;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Threshold;
import org.kie.api.runtime.rule.RuleContext;

import java.util.List;

/**
 * What a rule's consequence calls: {@code insert(Findings.of(drools));}. The finding carries every score and
 * threshold the rule matched, so the card can show exactly why it fired without the rule listing them again.
 */
public final class Findings {

    private Findings() {
    }

    public static Finding of(RuleContext drools) {
        List<?> matched = drools.getMatch().getObjects();
        List<InstrumentScore> scores = matched.stream()
                .filter(InstrumentScore.class::isInstance).map(InstrumentScore.class::cast).toList();
        List<Threshold> thresholds = matched.stream()
                .filter(Threshold.class::isInstance).map(Threshold.class::cast).toList();
        return new Finding(drools.getRule().getName(), scores, thresholds);
    }
}
