package org.alliancecds.cards;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Threshold;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleMetadata;

/**
 * The markdown detail of a card: the data that made the rule fire (scores with dates and the thresholds they
 * crossed), what to do, the evidence, and which rule and rule base said so.
 */
final class CardDetail {

    private CardDetail() {
    }

    static String markdown(Finding finding, RuleMetadata rule, String ruleBaseVersion) {
        StringBuilder md = new StringBuilder();
        md.append("**Why this card**\n\n");
        md.append("| Measure | Score | Date | Source |\n|---|---|---|---|\n");
        for (InstrumentScore score : finding.scores()) {
            md.append("| ").append(score.label()).append(" | ").append(Numbers.format(score.value()))
                    .append(" | ").append(score.date()).append(" | ").append(score.source()).append(" |\n");
        }
        for (CodedAnswer answer : finding.answers()) {
            md.append("| ").append(answer.label()).append(" | ").append(answer.code())
                    .append(" | ").append(answer.date()).append(" | ").append(answer.source()).append(" |\n");
        }
        if (!finding.thresholds().isEmpty()) {
            md.append("\nThresholds: ");
            md.append(String.join("; ", finding.thresholds().stream().map(CardDetail::threshold).toList()));
            md.append(".\n");
        }
        md.append("\n**What to do**\n\n").append(rule.action()).append("\n");
        md.append("\n**Evidence**\n\n");
        for (Evidence evidence : rule.evidence()) {
            md.append("- ").append(evidence.citation());
            if (evidence.hasUrl()) {
                md.append(" <").append(evidence.url()).append(">");
            }
            md.append("\n");
        }
        md.append("\n_Rule ").append(rule.id()).append(" v").append(rule.version())
                .append(", rule base ").append(ruleBaseVersion).append("._\n");
        return md.toString();
    }

    private static String threshold(Threshold threshold) {
        return "`" + threshold.id() + "` = " + Numbers.format(threshold.value()) + " " + threshold.unit()
                + " (" + threshold.basis() + ")";
    }
}
