package org.alliancecds.bench.audit;

import org.alliancecds.audit.RetentionDoor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Expiry at scale: the service's own {@code Retention} removes what is older than the retention period while the
 * writers run at the network's peak; then the sizes after the deletes, after a plain VACUUM, and after the same
 * volume is written again, which should land in the space the deletes freed rather than grow the tables.
 */
final class Expiry {

    private final DataSource database;
    private final List<WriterStack> stacks;
    private final HistoryLoader loader;
    private final Report report;

    Expiry(DataSource database, List<WriterStack> stacks, HistoryLoader loader, Report report) {
        this.database = database;
        this.stacks = stacks;
        this.loader = loader;
        this.report = report;
    }

    void run(Instant now, long expiredCalls) throws Exception {
        StringBuilder sizes = new StringBuilder(Sizes.rows(database, "before expiry"));
        Instant cutoff = now.minus(Duration.ofDays(AuditScaleBenchmark.RETENTION_DAYS));
        Map<String, Long> removed;
        double seconds;
        try (WriterLoad peak = new WriterLoad(stacks, AuditScaleBenchmark.PEAK_CALLS_A_SECOND, 2000)) {
            Thread.sleep(5_000);
            WriterLoad.Mark mark = peak.mark();
            long start = System.nanoTime();
            removed = RetentionDoor.expire(database, cutoff);
            seconds = (System.nanoTime() - start) / 1e9;
            report.throughput(stacks.size() + " instances at the network's peak, "
                    + (int) AuditScaleBenchmark.PEAK_CALLS_A_SECOND + " calls/s, while Retention ran",
                    peak.since(mark));
        }
        report.expired(removed, seconds);
        sizes.append(Sizes.rows(database, "after the deletes"));
        long vacuumStart = System.nanoTime();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : Sizes.TABLES) {
                statement.execute("VACUUM " + table);
            }
        }
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        sizes.append(Sizes.rows(database, "after VACUUM"));
        Instant from = now.minus(Duration.ofDays(30));
        HistoryLoader.Loaded again = loader.load(from, from.plus(Duration.ofDays(AuditScaleBenchmark.EXPIRED_DAYS)),
                expiredCalls, now.minus(Duration.ofDays(12)));
        AuditScaleBenchmark.analyze(database);
        sizes.append(Sizes.rows(database, "after writing as much again"));
        report.expirySizes(sizes.toString(), vacuumSeconds, again);
    }
}
