package org.alliancecds.check;

import org.alliancecds.cards.Card;
import org.alliancecds.hooks.HookHandler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a card says is what the case holds: every date in a summary is the date of a score the card shows, a score
 * named with its value in a summary ("SRS total 34 on 2026-12-06") is that score with that value and date, and every
 * score the card shows comes from a resource of the request. (A mean of several ratings, "mean SRS total 35.33", is
 * no single score.)
 */
class CardTextTest {

    private static final Path RULES = Path.of("rules");
    private static final Pattern ROW = Pattern.compile(
            "^\\| (.+?) \\| (-?[0-9.]+|[a-z-]+) \\| (\\d{4}-\\d{2}-\\d{2}) \\([^)]*\\)(, historical)? \\| (\\S+) \\|$",
            Pattern.MULTILINE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private record Row(String label, String value, String date, String source) {
    }

    private final HookHandler handler = Pipelines.handler(RULES);

    @TestFactory
    Stream<DynamicTest> everySummaryNamesTheScoresAndDatesOfItsCase() {
        return ScenarioCases.read(RULES, LocalDate.now()).stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.file(), () -> {
                    String request = scenario.request().toString();
                    for (Card card : handler.answer(scenario.serviceId(), request)) {
                        checkCard(card, request, scenario.file());
                    }
                }));
    }

    private static void checkCard(Card card, String request, String file) {
        String rule = card.source().topic().code();
        String why = card.detail().substring(0, card.detail().indexOf("**What to do**"));
        List<Row> rows = rows(why);
        assertFalse(rows.isEmpty(), file + " " + rule + " shows no data");
        for (Row row : rows) {
            String id = row.source().substring(row.source().indexOf('/') + 1);
            assertTrue(request.contains("\"id\":\"" + id + "\""), file + " " + rule + ": " + row + " is not in the case");
        }
        String summary = card.summary();
        Matcher date = DATE.matcher(summary);
        while (date.find()) {
            String day = date.group();
            assertTrue(rows.stream().anyMatch(row -> row.date().equals(day)),
                    file + " " + rule + ": the summary's " + day + " is no shown score's date: " + summary);
        }
        for (Row row : rows) {
            Matcher named = Pattern.compile("(?<!mean )" + Pattern.quote(row.label())
                    + " (-?[0-9.]+)( on (\\d{4}-\\d{2}-\\d{2}))?")
                    .matcher(summary);
            while (named.find()) {
                String value = named.group(1);
                String day = named.group(3);
                assertTrue(rows.stream().anyMatch(other -> other.label().equals(row.label())
                                && other.value().equals(value) && (day == null || other.date().equals(day))),
                        file + " " + rule + ": '" + named.group() + "' is no shown score: " + summary);
            }
        }
    }

    private static List<Row> rows(String why) {
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(why);
        while (row.find()) {
            rows.add(new Row(row.group(1), row.group(2), row.group(3), row.group(5)));
        }
        return rows;
    }
}
