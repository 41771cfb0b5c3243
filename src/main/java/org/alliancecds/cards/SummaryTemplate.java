package org.alliancecds.cards;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's summary with the scores that made it fire: {@code {phq9.total}} is the matched PHQ-9 total,
 * {@code {score1}} the first score matched with its label ("SRS total 30"), {@code {score2}} the second; a
 * {@code @date} suffix gives the day instead. A placeholder the finding has no score for is left visible rather than
 * guessed.
 */
final class SummaryTemplate {

    static final int MAX_LENGTH = 139;
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(?:score(\\d)|([a-z0-9-]+\\.[a-z0-9-]+))(@date)?}");
    private static final String ELLIPSIS = "…";

    private SummaryTemplate() {
    }

    static String fill(String template, Finding finding) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            boolean date = matcher.group(3) != null;
            boolean positional = matcher.group(1) != null;
            Optional<InstrumentScore> score = positional
                    ? nth(finding, Integer.parseInt(matcher.group(1)))
                    : finding.scores().stream().filter(each -> each.measure().equals(matcher.group(2))).findFirst();
            String value = score.map(found -> date ? found.date().toString()
                    : positional ? found.label() + " " + Numbers.format(found.value())
                    : Numbers.format(found.value())).orElse(matcher.group());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return shorten(filled.toString());
    }

    private static Optional<InstrumentScore> nth(Finding finding, int position) {
        return position >= 1 && position <= finding.scores().size()
                ? Optional.of(finding.scores().get(position - 1)) : Optional.empty();
    }

    private static String shorten(String summary) {
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 1) + ELLIPSIS;
    }
}
