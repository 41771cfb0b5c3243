package org.alliancecds.bench.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The benchmark's Markdown report: each part printed as soon as it is measured, and the whole written at the end. */
final class Report {

    private final Path directory;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder throughput = new StringBuilder();
    private double rowsPerCall;

    Report(Path directory) {
        this.directory = directory;
    }

    void setting(int factor, int instances, Duration measure, Instant now) {
        add(String.format("# The audit at network scale%n%nRun at %s: a month at 1/%d of the network's volume "
                        + "(%,.0f calls a day at full scale), %d writer instances in one JVM, each with its own "
                        + "pool of %d connections and its own queue; throughput measured over %d s after a 10 s "
                        + "warm-up.%n",
                now, factor, AuditScaleBenchmark.CALLS_A_DAY, instances, WriterStack.POOL_SIZE, measure.toSeconds()));
    }

    void loaded(String what, HistoryLoader.Loaded loaded) {
        rowsPerCall = (double) loaded.rows() / loaded.calls();
        add(String.format("%nLoaded %s with COPY: %,d calls, %,d invocations, %,d cards, %,d feedback items = %,d rows "
                        + "(%.2f rows a call) in %.0f s (%,.0f rows/s).%n", what, loaded.calls(), loaded.invocations(),
                loaded.cards(), loaded.feedback(), loaded.rows(), rowsPerCall, loaded.seconds(),
                loaded.rows() / loaded.seconds()));
    }

    void migrated(double seconds) {
        add(String.format("%nThe writers started: Flyway brought the schema from V6 to this build's version, over the "
                + "loaded history, in %.1f s.%n", seconds));
    }

    void comparison(String table) {
        add("\nThe statistics against those counted from the rows (the query before the hourly counts), writers idle:"
                + "\n\n" + table);
    }

    void sizes(String rows) {
        add("\n" + Sizes.header() + "\n" + rows);
    }

    void throughput(String what, WriterLoad.Stretch stretch) {
        if (throughput.isEmpty()) {
            throughput.append(String.format("%nThe network needs %,.0f rows/s on average (%,.0f calls a day × "
                            + "%.2f rows) and %,.0f rows/s at its peak (%.0f calls/s).%n%n"
                            + "| writers | s | calls/s | rows/s | largest backlog (entries) | given up | dropped |%n"
                            + "|---|---|---|---|---|---|---|%n",
                    AuditScaleBenchmark.CALLS_A_DAY * rowsPerCall / 86_400, AuditScaleBenchmark.CALLS_A_DAY,
                    rowsPerCall, AuditScaleBenchmark.PEAK_CALLS_A_SECOND * rowsPerCall,
                    AuditScaleBenchmark.PEAK_CALLS_A_SECOND));
        }
        String row = String.format("| %s | %.0f | %,.0f | %,.0f | %,d | %d | %d |%n", what, stretch.seconds(),
                stretch.callsPerSecond(), stretch.rowsPerSecond(), stretch.maxBacklog(), stretch.failed(),
                stretch.dropped());
        throughput.append(row);
        System.out.print(row);
    }

    void statistics(Map<String, Timings> timings, String counts) {
        add("\nFeedback statistics (FeedbackStatisticsQuery.read), while the writers ran at the peak:\n\n"
                + "| window | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n" + table(timings)
                + "\nWhat they counted:\n\n" + counts);
    }

    void lookups(Map<String, Timings> timings) {
        add("\nQuiet-period reads on a cache miss (AnswerQueries), while the writers ran at the peak:\n\n"
                + "| read | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n" + table(timings));
    }

    void plans(String plans) {
        add("\nPlans (EXPLAIN (ANALYZE, BUFFERS), writers idle):\n\n```\n" + plans + "```\n");
    }

    void expired(Map<String, Long> removed, double seconds) {
        long rows = removed.values().stream().mapToLong(Long::longValue).sum();
        add(String.format("%nRetention removed %s (invocations with their cards counted as invocations) in %.0f s: "
                + "%,.0f invocations or items a second.%n", removed, seconds, rows / seconds));
    }

    void expirySizes(String rows, double vacuumSeconds, HistoryLoader.Loaded again) {
        add(String.format("%nPlain VACUUM of the three tables took %.0f s; then %,d rows were written again "
                + "(COPY, %.0f s).%n%n%s%n%s", vacuumSeconds, again.rows(), again.seconds(), Sizes.header(), rows));
    }

    void write() throws IOException {
        text.append(throughput);
        Files.writeString(directory.resolve("audit-scale-result.md"), text.toString());
        System.out.println(throughput);
    }

    private void add(String part) {
        text.append(part);
        System.out.print(part);
        System.out.flush();
    }

    private static String table(Map<String, Timings> timings) {
        StringBuilder out = new StringBuilder();
        timings.forEach((what, timing) -> out.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", what,
                timing.count(), timing.percentile(50), timing.percentile(99), timing.max())));
        return out.toString();
    }
}
