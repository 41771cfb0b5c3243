package org.alliancecds.bench.audit;

import org.alliancecds.audit.JdbcUrlDataSource;
import org.alliancecds.audit.Pseudonyms;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit at network scale, on PostgreSQL: the writers' sustained rows a second, a month of history at a scale
 * factor, the console's statistics and the quiet periods' lookups on it while writers run at the network's peak,
 * and expiry. Run with {@code mvn -q test-compile exec:exec@audit-scale}; the report goes to stdout and to
 * {@code target/audit-scale/audit-scale-result.md}. Settings (system properties): {@code audit.scale.admin-url} (the
 * maintenance database), {@code audit.scale.url} (the database made for the run, dropped at the end unless
 * {@code audit.scale.keep=true}), {@code audit.scale.user}, {@code audit.scale.password}, {@code audit.scale.factor}
 * (a month's volume divided by it; 40), {@code audit.scale.instances} (4), {@code audit.scale.seconds} (60, each
 * throughput measurement), {@code audit.scale.runs} (5, of each statistics read), {@code audit.scale.compare} (true:
 * check the statistics against those counted from the rows), {@code audit.scale.out}.
 */
public final class AuditScaleBenchmark {

    static final double CALLS_A_DAY = 3_200_000;
    static final double PEAK_CALLS_A_SECOND = 400;
    static final int RETENTION_DAYS = 91;
    static final int EXPIRED_DAYS = 3;
    private static final String KEY = "audit-scale-benchmark-key";
    private static final int RUNS = Integer.getInteger("audit.scale.runs", 5);
    private static final boolean COMPARE = Boolean.parseBoolean(System.getProperty("audit.scale.compare", "true"));

    private AuditScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String adminUrl = System.getProperty("audit.scale.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String url = System.getProperty("audit.scale.url", "jdbc:postgresql://127.0.0.1:5432/alliance_audit_scale");
        String user = System.getProperty("audit.scale.user", "postgres");
        String password = System.getProperty("audit.scale.password", "postgres");
        int factor = Integer.getInteger("audit.scale.factor", 40);
        int instances = Integer.getInteger("audit.scale.instances", 4);
        Duration measure = Duration.ofSeconds(Integer.getInteger("audit.scale.seconds", 60));
        Path out = Path.of(System.getProperty("audit.scale.out", "target/audit-scale"));
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        JdbcUrlDataSource admin = source(adminUrl, user, password);
        adminStatement(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        adminStatement(admin, "CREATE DATABASE " + database);
        Files.createDirectories(out);
        JdbcUrlDataSource target = source(url, user, password);
        Report report = new Report(out);
        int status = 0;
        try {
            run(target, factor, instances, measure, report);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            report.write();
            if (!Boolean.getBoolean("audit.scale.keep")) {
                adminStatement(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
        // the writers' threads are not daemons, and a failed run may have left some running
        System.exit(status);
    }

    private static void run(JdbcUrlDataSource target, int factor, int instances, Duration measure, Report report)
            throws Exception {
        Instant now = Instant.now();
        report.setting(factor, instances, measure, now);
        // The schema as of V6: the history is loaded as rows, as a month of writing before V7 would have left it.
        Flyway.configure().dataSource(target).locations("classpath:db/migration").target("6").load().migrate();
        Samples samples = new Samples();
        HistoryLoader loader = new HistoryLoader(target, Pseudonyms.withKey(KEY), 42, samples);
        Instant expiredFrom = now.minus(Duration.ofDays(RETENTION_DAYS + EXPIRED_DAYS));
        long expiredCalls = Math.round(CALLS_A_DAY * EXPIRED_DAYS / factor);
        report.loaded("expired history (" + EXPIRED_DAYS + " days older than " + RETENTION_DAYS + " days)",
                loader.load(expiredFrom, expiredFrom.plus(Duration.ofDays(EXPIRED_DAYS)), expiredCalls, now));
        Instant monthFrom = now.minus(Duration.ofDays(30));
        report.loaded("the month", loader.load(monthFrom, now.minus(Duration.ofMinutes(5)),
                Math.round(CALLS_A_DAY * 30 / factor), now.minus(Duration.ofDays(12))));
        analyze(target);
        long migrating = System.nanoTime();
        List<WriterStack> stacks = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            WriterStack stack = new WriterStack(target, KEY);
            stack.start();
            stacks.add(stack);
        }
        report.migrated((System.nanoTime() - migrating) / 1e9);
        analyze(target);
        report.sizes(Sizes.rows(target, "loaded"));

        report.throughput("1 instance, as fast as it writes", writeFlatOut(stacks.subList(0, 1), measure));
        report.throughput(instances + " instances, as fast as they write", writeFlatOut(stacks, measure));

        SmallPool console = new SmallPool(target, WriterStack.POOL_SIZE);
        Reads reads = new Reads(console, samples);
        try (WriterLoad peak = new WriterLoad(stacks, PEAK_CALLS_A_SECOND, 1000)) {
            Thread.sleep(5_000);
            WriterLoad.Mark mark = peak.mark();
            StringBuilder counts = new StringBuilder();
            report.statistics(reads.statistics(Reads.consoleWindows(now), RUNS, counts), counts.toString());
            report.lookups(reads.lookups(Instant.now()));
            report.throughput(instances + " instances at the network's peak, " + (int) PEAK_CALLS_A_SECOND
                    + " calls/s, while the reads above ran", peak.since(mark));
        }
        if (COMPARE) {
            report.comparison(reads.compareWithRows(Reads.consoleWindows(now)));
        }
        report.plans(reads.plans(Instant.EPOCH, Instant.now()));
        new Expiry(console, stacks, loader, report).run(now, Math.round(CALLS_A_DAY * EXPIRED_DAYS / factor));
        for (WriterStack stack : stacks) {
            stack.close();
        }
        console.close();
    }

    private static WriterLoad.Stretch writeFlatOut(List<WriterStack> stacks, Duration measure) throws Exception {
        try (WriterLoad load = new WriterLoad(stacks, 0, stacks.size() * 7919L)) {
            Thread.sleep(10_000);
            WriterLoad.Mark mark = load.mark();
            Thread.sleep(measure.toMillis());
            return load.since(mark);
        }
    }

    /** Fresh statistics for the planner; this server runs without autovacuum, which would otherwise do it. */
    static void analyze(javax.sql.DataSource target) throws SQLException {
        try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : Sizes.TABLES) {
                statement.execute("ANALYZE " + table);
            }
        }
    }

    private static JdbcUrlDataSource source(String url, String user, String password) {
        JdbcUrlDataSource source = new JdbcUrlDataSource();
        source.setUrl(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private static void adminStatement(JdbcUrlDataSource admin, String sql) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
