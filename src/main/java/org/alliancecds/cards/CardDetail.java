package org.alliancecds.cards;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Numbers;
import org.alliancecds.facts.Threshold;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleMetadata;

import java.time.LocalDate;
import java.util.List;

/**
 * The markdown detail of a card: the data that made the rule fire (scores with their dates and ages, and the
 * thresholds they crossed), what to do, the evidence, and which rule and rule base said so. What the EHR sent
 * (answers, resource ids) goes in escaped ({@link MarkdownText}); labels, rules and dates are ours.
 */
final class CardDetail {

    private CardDetail() {
    }

    static String markdown(Finding finding, RuleMetadata rule, String ruleBaseVersion, LocalDate today) {
        StringBuilder md = new StringBuilder();
        md.append("**Why this card**\n\n");
        md.append("| Measure | Score | Date | Source |\n|---|---|---|---|\n");
        for (InstrumentScore score : finding.scores()) {
            md.append("| ").append(score.label()).append(" | ").append(Numbers.format(score.value()))
                    .append(" | ").append(dated(score.date(), today)).append(score.current() ? "" : ", historical")
                    .append(" | ").append(MarkdownText.escape(score.source())).append(" |\n");
        }
        for (CodedAnswer answer : finding.answers()) {
            md.append("| ").append(answer.label()).append(" | ").append(MarkdownText.escape(answer.code()))
                    .append(" | ").append(dated(answer.date(), today)).append(" | ")
                    .append(MarkdownText.escape(answer.source())).append(" |\n");
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
        md.append("\n").append(footer(rule, ruleBaseVersion)).append("\n");
        return md.toString();
    }

    /** The footer that names the rule, as "Also:" lines name folded findings. */
    static String footer(RuleMetadata rule, String ruleBaseVersion) {
        return "_Rule " + rule.id() + " v" + rule.version() + ", rule base " + ruleBaseVersion + "._";
    }

    /** "Also:" and one line per folded finding: title, key score with its date, rule id. */
    static String also(List<String> lines) {
        StringBuilder md = new StringBuilder("\n**Also:**\n\n");
        lines.forEach(line -> md.append("- ").append(line).append("\n"));
        return md.toString();
    }

    static String dated(LocalDate date, LocalDate today) {
        return date + " (" + Ages.of(date, today) + ")";
    }

    private static String threshold(Threshold threshold) {
        return "`" + threshold.id() + "` = " + Numbers.format(threshold.value()) + " " + threshold.unit()
                + " (" + threshold.basis() + ")";
    }
}
