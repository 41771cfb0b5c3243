package org.alliancecds.cards;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.Numbers;
import org.alliancecds.facts.Threshold;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's summary with what made it fire. {@code {$latest}} is the score the rule bound to {@code $latest}
 * with its label ("PHQ-9 total 19"); {@code {$latest@value}}, {@code @date} and {@code @age} give its value, day and
 * age ("12 days ago"); {@code {$early@phrase}} is what a derived fact says of itself; {@code {#cards.max}} is a
 * threshold's value. Older forms still work: {@code {phq9.total}} is the first matched PHQ-9 total,
 * {@code {score1}} the first score matched with its label. A placeholder the finding has nothing for is left
 * visible rather than guessed.
 */
final class SummaryTemplate {

    static final int MAX_LENGTH = 139;
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(?:\\$([A-Za-z][A-Za-z0-9]*)|#([a-z0-9.-]+)|score(\\d)|([a-z0-9-]+\\.[a-z0-9-]+))(?:@(date|value|age|phrase))?}");
    private static final String ELLIPSIS = "…";

    private SummaryTemplate() {
    }

    /** The template filled, at whatever length. */
    static String expand(String template, Finding finding, Map<String, Threshold> thresholds, LocalDate today) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String part = Optional.ofNullable(matcher.group(5)).orElse("");
            Optional<String> value;
            if (matcher.group(2) != null) {
                value = Optional.ofNullable(thresholds.get(matcher.group(2))).map(t -> Numbers.format(t.value()));
            } else if (matcher.group(1) != null && part.equals("phrase")) {
                value = Optional.ofNullable(finding.phrases().get("$" + matcher.group(1)));
            } else {
                value = scoreFor(matcher, finding).map(score -> describe(score, part, today));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value.orElse(matcher.group())));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static Optional<InstrumentScore> scoreFor(Matcher matcher, Finding finding) {
        if (matcher.group(1) != null) {
            return Optional.ofNullable(finding.named().get("$" + matcher.group(1)));
        }
        if (matcher.group(3) != null) {
            int position = Integer.parseInt(matcher.group(3));
            return position >= 1 && position <= finding.scores().size()
                    ? Optional.of(finding.scores().get(position - 1)) : Optional.empty();
        }
        return finding.scores().stream().filter(each -> each.measure().equals(matcher.group(4))).findFirst();
    }

    private static String describe(InstrumentScore score, String part, LocalDate today) {
        return switch (part) {
            case "date" -> score.date().toString();
            case "age" -> Ages.of(score.date(), today);
            case "value" -> Numbers.format(score.value());
            case "" -> score.label() + " " + Numbers.format(score.value());
            default -> "{" + part + "}";
        };
    }

    /** The summary cut to the limit, ending in an ellipsis when cut. */
    static String shorten(String summary) {
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 1) + ELLIPSIS;
    }
}
