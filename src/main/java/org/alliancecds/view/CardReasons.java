package org.alliancecds.view;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Numbers;
import org.alliancecds.facts.Threshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A card's "why" as plain lines: the scores that made its rule fire, oldest first, each with its date and session;
 * the coded answers; what the rule's derived facts say ("mean SRS total 31.3 …"); and the thresholds compared with.
 * The same data the card's detail tables, for a page that draws them beside the chart.
 */
final class CardReasons {

    private CardReasons() {
    }

    static List<String> of(Finding finding) {
        List<String> why = new ArrayList<>();
        finding.scores().stream().distinct()
                .sorted(Comparator.comparing(InstrumentScore::date).thenComparing(InstrumentScore::session))
                .forEach(score -> why.add(score.label() + " " + Numbers.format(score.value()) + " on " + score.date()
                        + (score.session() > 0 ? " (session " + score.session() + ")" : "")
                        + ("patient".equals(score.rater()) ? "" : ", rated by the " + score.rater())));
        for (CodedAnswer answer : finding.answers()) {
            why.add(answer.label() + ": " + answer.code() + " on " + answer.date());
        }
        why.addAll(finding.phrases().values().stream().sorted().toList());
        for (Threshold threshold : finding.thresholds()) {
            why.add("threshold " + threshold.id() + " = " + Numbers.format(threshold.value()) + " "
                    + threshold.unit());
        }
        return why;
    }
}
