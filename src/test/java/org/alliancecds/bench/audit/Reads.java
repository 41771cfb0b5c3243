package org.alliancecds.bench.audit;

import org.alliancecds.audit.FeedbackStatistics;
import org.alliancecds.audit.FeedbackStatisticsFromRows;
import org.alliancecds.audit.FeedbackStatisticsQuery;
import org.alliancecds.audit.RetentionDoor;
import org.alliancecds.quiet.AnswerQueriesDoor;
import org.alliancecds.quiet.AnsweredCards;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reads the audit serves, timed through the production classes: the console's feedback statistics
 * ({@link FeedbackStatisticsQuery}, for the windows the console asks for) and the quiet periods' reads on a cache miss
 * (the answers of a patient and clinician, an issued card); and their plans, EXPLAIN (ANALYZE, BUFFERS) of the
 * production SQL with the same parameters.
 */
final class Reads {

    private final DataSource database;
    private final Samples samples;

    Reads(DataSource database, Samples samples) {
        this.database = database;
        this.samples = samples;
    }

    /** Each window's statistics read {@code times} times; the label says what the console asked for. */
    Map<String, Timings> statistics(Map<String, Instant> windows, int times, StringBuilder notes) {
        FeedbackStatisticsQuery query = new FeedbackStatisticsQuery(database);
        Map<String, Timings> timings = new LinkedHashMap<>();
        windows.forEach((label, since) -> {
            Timings timing = new Timings();
            FeedbackStatistics last = null;
            for (int run = 0; run < times; run++) {
                long start = System.nanoTime();
                last = query.read(since);
                timing.add(System.nanoTime() - start);
            }
            long shown = last.rules().stream().mapToLong(FeedbackStatistics.RuleFeedback::cardsShown).sum();
            long answered = last.rules().stream().mapToLong(rule -> rule.accepted() + rule.overridden()).sum();
            notes.append(String.format("- %s: %d rules, %,d cards shown, %,d answered, %,d superseded, %,d unmatched%n",
                    label, last.rules().size(), shown, answered, last.superseded(), last.unmatched()));
            timings.put(label, timing);
        });
        return timings;
    }

    /** The quiet periods' reads: answers of pairs that have some, of pairs at random, and issued cards. */
    Map<String, Timings> lookups(Instant now) throws SQLException {
        AnswerQueriesDoor queries = new AnswerQueriesDoor(database);
        Instant since = now.minus(AnsweredCards.LOOKBACK);
        Map<String, Timings> timings = new LinkedHashMap<>();
        Timings answered = new Timings();
        for (Samples.Pair pair : samples.answered()) {
            long start = System.nanoTime();
            queries.answers(pair.patient(), pair.user(), since);
            answered.add(System.nanoTime() - start);
        }
        timings.put("answers of a patient and clinician with an answered card", answered);
        Timings any = new Timings();
        for (Samples.Pair pair : samples.pairs()) {
            long start = System.nanoTime();
            queries.answers(pair.patient(), pair.user(), since);
            any.add(System.nanoTime() - start);
        }
        timings.put("answers of a patient and clinician who had a call (most: none)", any);
        Timings issued = new Timings();
        for (String card : samples.cards()) {
            long start = System.nanoTime();
            queries.issued(card);
            issued.add(System.nanoTime() - start);
        }
        timings.put("an issued card by its uuid", issued);
        return timings;
    }

    /**
     * The plans of the statistics' SQL (each of {@link FeedbackStatisticsQuery}'s SQL constants, whichever the build
     * has) over {@code since}, and of the two lookups with the first sample's values.
     */
    String plans(Instant since, Instant now) throws SQLException, ReflectiveOperationException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = database.getConnection()) {
            for (Field field : FeedbackStatisticsQuery.class.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class
                        || !RetentionDoor.statisticsSql(field.getName()).startsWith("SELECT")) {
                    continue;
                }
                String sql = RetentionDoor.statisticsSql(field.getName());
                // the hourly counts' queries take the window's first hour, the rows' queries its first instant
                Object parameter = sql.contains("_hour") ? (Object) Math.floorDiv(since.getEpochSecond(), 3600)
                        : since.atOffset(ZoneOffset.UTC);
                out.append("FeedbackStatisticsQuery.").append(field.getName()).append(", since ").append(since)
                        .append(":\n").append(explain(connection, sql, parameter));
            }
            for (String sql : FeedbackStatisticsFromRows.costliest()) {
                out.append("Before the hourly counts (FeedbackStatisticsFromRows), since ").append(since).append(":\n")
                        .append(explain(connection, sql, since.atOffset(ZoneOffset.UTC)));
            }
            Samples.Pair pair = samples.answered().get(0);
            Object lookback = now.minus(AnsweredCards.LOOKBACK).atOffset(ZoneOffset.UTC);
            out.append("AnswerQueries.ANSWERS (a pair with an answered card):\n");
            out.append(explain(connection, AnswerQueriesDoor.sql("ANSWERS"), pair.patient(), pair.user(), lookback,
                    lookback));
            out.append("AnswerQueries.ISSUED:\n");
            out.append(explain(connection, AnswerQueriesDoor.sql("ISSUED"), samples.cards().get(0)));
        }
        return out.toString();
    }

    /**
     * The statistics from the hourly counts against the statistics counted from the rows, as before the counts
     * ({@code FeedbackStatisticsFromRows}), for each window taken back to its hour: whether they agree, and how long
     * the count from the rows took (once each).
     */
    String compareWithRows(Map<String, Instant> windows) {
        StringBuilder out = new StringBuilder("| window | from the rows, ms | same statistics |\n|---|---|---|\n");
        windows.forEach((label, since) -> {
            Instant hour = Instant.ofEpochSecond(Math.floorDiv(since.getEpochSecond(), 3600) * 3600);
            long start = System.nanoTime();
            FeedbackStatistics fromRows = new FeedbackStatisticsFromRows(database).read(hour);
            double millis = (System.nanoTime() - start) / 1e6;
            boolean same = fromRows.equals(new FeedbackStatisticsQuery(database).read(hour));
            out.append(String.format("| %s | %,.0f | %s |%n", label, millis, same ? "yes" : "**no**"));
        });
        return out.toString();
    }

    private static String explain(Connection connection, String sql, Object... parameters) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append("    ").append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.append('\n').toString();
    }

    static Map<String, Instant> consoleWindows(Instant now) {
        Map<String, Instant> windows = new LinkedHashMap<>();
        windows.put("everything kept (the console's default: no date)", Instant.EPOCH);
        windows.put("since 30 days ago", now.minus(Duration.ofDays(30)));
        windows.put("since 7 days ago", now.minus(Duration.ofDays(7)));
        windows.put("since yesterday", now.minus(Duration.ofDays(1)));
        return windows;
    }
}
