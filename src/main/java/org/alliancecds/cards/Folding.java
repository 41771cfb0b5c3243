package org.alliancecds.cards;

import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Numbers;
import org.alliancecds.rules.RuleMetadata;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How findings past the card cap are told in the first card: "+N more" and one "Also:" line each. */
final class Folding {

    private static final Pattern FIRST_NAMED = Pattern.compile("\\{\\$([A-Za-z][A-Za-z0-9]*)");

    private Folding() {
    }

    /** The summary ending in "+N more", the summary cut (not the count) when both do not fit. */
    static String summary(String summary, int more) {
        String suffix = " +" + more + " more";
        int room = SummaryTemplate.MAX_LENGTH - suffix.length();
        return (summary.length() <= room ? summary : summary.substring(0, room - 1) + "…") + suffix;
    }

    /** "Weak early alliance: SRS total 30 on 2026-11-20 (rule ALLIANCE-NOT-FORMED)". */
    static String line(Finding finding, RuleMetadata rule, LocalDate today) {
        String key = keyScore(finding, rule).map(score -> score.label() + " " + Numbers.format(score.value())
                        + " on " + CardDetail.dated(score.date(), today))
                .or(() -> finding.answers().stream().findFirst().map(answer -> answerText(answer, today)))
                .orElse("");
        return rule.title() + (key.isEmpty() ? "" : ": " + key) + " (rule " + rule.id() + ")";
    }

    /** The score the summary names first, else the first score the rule matched. */
    private static Optional<InstrumentScore> keyScore(Finding finding, RuleMetadata rule) {
        Matcher named = FIRST_NAMED.matcher(rule.summary());
        while (named.find()) {
            InstrumentScore score = finding.named().get("$" + named.group(1));
            if (score != null) {
                return Optional.of(score);
            }
        }
        return finding.scores().stream().findFirst();
    }

    private static String answerText(CodedAnswer answer, LocalDate today) {
        return answer.label() + " " + MarkdownText.escape(answer.code()) + " on "
                + CardDetail.dated(answer.date(), today);
    }
}
