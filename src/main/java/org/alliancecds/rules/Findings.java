package org.alliancecds.rules;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Concern;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.Grounded;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Phrased;
import org.alliancecds.facts.Threshold;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule's consequence calls: {@code insert(Findings.of(drools));}. The finding carries every score the rule
 * matched, directly or through derived facts and collected lists, and every threshold it compared with, so the
 * card shows exactly why it fired without the rule listing them again.
 */
public final class Findings {

    private Findings() {
    }

    public static Finding of(RuleContext drools) {
        Set<InstrumentScore> scores = new LinkedHashSet<>();
        Set<CodedAnswer> answers = new LinkedHashSet<>();
        Set<Threshold> thresholds = new LinkedHashSet<>();
        boolean concern = false;
        for (Object matched : flattened(drools.getMatch().getObjects())) {
            if (matched instanceof InstrumentScore score) {
                scores.add(score);
            } else if (matched instanceof Grounded grounded) {
                scores.addAll(grounded.grounds());
                thresholds.addAll(grounded.cuts());
                concern |= grounded instanceof Concern;
            } else if (matched instanceof CodedAnswer answer) {
                answers.add(answer);
            } else if (matched instanceof Threshold threshold) {
                thresholds.add(threshold);
            }
        }
        Map<String, InstrumentScore> named = new HashMap<>();
        Map<String, String> phrases = new HashMap<>();
        for (String declaration : drools.getMatch().getDeclarationIds()) {
            Object bound = drools.getMatch().getDeclarationValue(declaration);
            if (bound instanceof InstrumentScore score) {
                named.put(declaration, score);
            } else if (bound instanceof Grounded grounded && grounded.grounds().size() == 1) {
                named.put(declaration, grounded.grounds().get(0));
            }
            if (bound instanceof Phrased phrased) {
                phrases.put(declaration, phrased.phrase());
            }
        }
        Map<String, Object> metadata = drools.getRule().getMetaData();
        return new Finding(RuleMetadataReader.unquote(String.valueOf(metadata.get("id"))),
                RuleMetadataReader.unquote(String.valueOf(metadata.getOrDefault("category", ""))),
                List.copyOf(scores), List.copyOf(answers), List.copyOf(thresholds), concern, named, phrases);
    }

    /** Matched objects, with the elements of lists a rule collected in place of the lists. */
    private static List<Object> flattened(List<?> matched) {
        List<Object> flat = new ArrayList<>();
        for (Object object : matched) {
            if (object instanceof Collection<?> collected) {
                flat.addAll(collected);
            } else {
                flat.add(object);
            }
        }
        return flat;
    }
}
