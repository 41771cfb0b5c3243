package org.alliancecds.cards;

import org.alliancecds.facts.Finding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's summary: {@code {phq9.total}} becomes the matched score, {@code {phq9.total@date}} its date. A
 * placeholder the finding has no score for is left visible rather than guessed.
 */
final class SummaryTemplate {

    static final int MAX_LENGTH = 139;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+\\.[a-z0-9-]+)(@date)?}");
    private static final String ELLIPSIS = "…";

    private SummaryTemplate() {
    }

    static String fill(String template, Finding finding) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String measure = matcher.group(1);
            boolean date = matcher.group(2) != null;
            String value = finding.scores().stream()
                    .filter(score -> score.measure().equals(measure))
                    .findFirst()
                    .map(score -> date ? score.date().toString() : Numbers.format(score.value()))
                    .orElse(matcher.group());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return shorten(filled.toString());
    }

    private static String shorten(String summary) {
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 1) + ELLIPSIS;
    }
}
