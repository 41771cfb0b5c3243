package org.alliancecds.bench.load;

import com.nimbusds.jose.jwk.JWK;
import org.alliancecds.bench.WeeklyHistory;
import org.alliancecds.testing.Folders;
import org.alliancecds.testing.PayaraMicroProcess;
import org.alliancecds.testing.TestKeys;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The load benchmark: one service process, the trivial endpoints as the floor, the hook calls with RS384 and
 * ES384 tokens at several concurrency levels and at a fixed rate, one patient of growing history (issue #15),
 * memory, and reload time, reported as a Markdown table on standard output and in {@code <out>/load-result.md}.
 * Any answer other than 200 makes the run fail: figures from a service that refused its load mean nothing.
 * <p>
 * Arguments: the Payara Micro jar, the WAR, the project directory, the output directory, and the service's JVM
 * options in one argument, separated by spaces.
 */
public final class LoadBenchmark {

    private static final int[] CONCURRENCY = {1, 4, 16, 64};
    private static final int TRIVIAL_CALLS = 30_000;
    private static final int HOOK_CALLS = 10_000;
    private static final int ES384_HOOK_CALLS = 6_000;
    private static final int WARM_UP_CALLS = 8_000;
    private static final int FIXED_RATE = 200;
    private static final int FIXED_RATE_SECONDS = 30;
    private static final int RELOADS = 5;
    // Issue #15: the patient's history, in weekly sessions, and how many calls each size gets at c=1 (fewer for the
    // larger bodies, which take longer each).
    private static final int[] HISTORY_SESSIONS = {1, 10, 100, 1000};
    private static final int[] HISTORY_CALLS = {3000, 3000, 1000, 300};
    private static final int STANDALONE_STARTS = 3;
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    /**
     * One instance at saturation takes some 2,000 signed calls a second; the replay store keeps each id for the
     * longest time a token can live (lifetime plus twice the skew, 7 minutes by default) and holds at most 128,000
     * of them. So the service accepts tokens of at most 60 s with 10 s skew (an 80 s window), as an operator would
     * configure an instance that takes this rate, and the benchmark's tokens live 50 s.
     */
    static final List<String> TOKEN_OPTIONS = List.of("-Dcds.auth.replay-store-size=128000",
            "-Dcds.auth.max-token-lifetime-seconds=60", "-Dcds.auth.clock-skew-seconds=10");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] arguments) throws Exception {
        Path payara = Path.of(arguments[0]);
        Path war = Path.of(arguments[1]);
        Path project = Path.of(arguments[2]);
        Path out = Path.of(arguments[3]);
        List<String> jvmOptions = arguments.length > 4 ? List.of(arguments[4].trim().split("\\s+")) : List.of();
        String report = new LoadBenchmark().run(payara, war, project, out, jvmOptions);
        Files.writeString(out.resolve("load-result.md"), report);
        System.out.println(report);
        System.exit(report.contains("FAILED") ? 1 : 0);
    }

    private String run(Path payara, Path war, Path project, Path out, List<String> jvmOptions) throws Exception {
        Path rules = out.resolve("rules").toAbsolutePath();
        Folders.delete(out);
        Folders.copy(project.resolve("rules"), rules);
        String adminToken = randomToken();
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of("-Dcds.rules.dir=" + rules, "-Dcds.profiles.dir=" + project.resolve("fhir-profiles"),
                "-Dcds.trusted-issuers=" + project.resolve("target/test-classes/trusted-issuers.json"),
                "-Dcds.admin.token=" + adminToken, "-Dcds.reload.interval-ms=" + ReloadTimer.POLL_MS,
                "-Dcds.db.url=jdbc:h2:" + out.resolve("audit").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"));
        options.addAll(TOKEN_OPTIONS);
        int gridPort = PayaraMicroProcess.freePort();
        List<String> clustered = List.of("--clustername", "alliance-load-" + randomToken(),
                "--clustermode", "tcpip:127.0.0.1:" + gridPort, "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(gridPort));
        int httpPort = PayaraMicroProcess.freePort();
        // The URL the benchmark calls, which its tokens name as aud.
        options.add("-Dcds.public-base-url=http://127.0.0.1:" + httpPort);
        try (PayaraMicroProcess service = PayaraMicroProcess.start("service", payara, war, out.resolve("service"),
                httpPort, options, clustered)) {
            notes.add(String.format("start to ready, clustered as the README runs N instances: %.1f s",
                    seconds(service.awaitReady(START_WAIT))));
            HookCalls hooks = new HookCalls(service.root(), rules);
            notes.add(String.format("first hook call after ready: %.1f ms", firstCallMs(hooks)));
            notes.add("hook calls: the " + hooks.caseCount() + " scenario cases in turn");
            warmUp(service, hooks);
            long rssBeforeLoad = service.residentMib();
            List<HttpRequest> live = Collections.nCopies(TRIVIAL_CALLS,
                    HttpRequest.newBuilder(service.root().resolve("health/live")).timeout(HookCalls.TIMEOUT).build());
            for (int concurrency : CONCURRENCY) {
                measurements.add(ClosedLoop.run(http, "GET /health/live", concurrency, live));
                measurements.add(ClosedLoop.run(http, "GET /cds-services (RS384)", concurrency,
                        hooks.discovery(TRIVIAL_CALLS / 3, TestKeys.itRs384())));
                measurements.add(ClosedLoop.run(http, "hook call (RS384)", concurrency,
                        hooks.signed(HOOK_CALLS, TestKeys.itRs384())));
                measurements.add(ClosedLoop.run(http, "hook call (ES384)", concurrency,
                        hooks.signed(ES384_HOOK_CALLS, TestKeys.itEs384())));
            }
            fixedRate(hooks, "hook call (RS384)", TestKeys.itRs384());
            fixedRate(hooks, "hook call (ES384)", TestKeys.itEs384());
            historySizes(hooks);
            notes.add("resident memory: " + rssBeforeLoad + " MiB after warm-up, " + service.residentMib()
                    + " MiB after the load, peak " + service.peakResidentMib() + " MiB");
            new ReloadTimer(http, service.root(), adminToken, rules).time(RELOADS).forEach(notes::add);
        }
        List<String> standaloneStarts = new ArrayList<>();
        List<String> firstCalls = new ArrayList<>();
        for (int start = 0; start < STANDALONE_STARTS; start++) {
            int port = PayaraMicroProcess.freePort();
            List<String> own = new ArrayList<>(options);
            // its own URL, which the first call's token names as aud
            own.replaceAll(option -> option.startsWith("-Dcds.public-base-url=")
                    ? "-Dcds.public-base-url=http://127.0.0.1:" + port : option);
            try (PayaraMicroProcess standalone = PayaraMicroProcess.start("standalone", payara, war,
                    out.resolve("standalone"), port, own, List.of("--nocluster"))) {
                standaloneStarts.add(String.format("%.1f", seconds(standalone.awaitReady(START_WAIT))));
                firstCalls.add(String.format("%.1f", firstCallMs(new HookCalls(standalone.root(), rules))));
            }
        }
        notes.add("start to ready, one instance without clustering (--nocluster), s: " + standaloneStarts);
        notes.add("its first hook call after ready, ms: " + firstCalls);
        return report(jvmOptions);
    }

    /** The time of one hook call made the moment the service says it is ready, as an orchestrator's first. */
    private double firstCallMs(HookCalls hooks) throws IOException, InterruptedException {
        HttpRequest first = hooks.signed(1, TestKeys.itRs384()).get(0);
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(first, HttpResponse.BodyHandlers.ofString());
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the first hook call answered " + answer.statusCode());
        }
        return elapsed;
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private void warmUp(PayaraMicroProcess service, HookCalls hooks) throws InterruptedException {
        for (JWK key : List.of(TestKeys.itRs384(), TestKeys.itEs384())) {
            Measurement warmUp = ClosedLoop.run(http, "warm-up", 4, hooks.signed(WARM_UP_CALLS, key));
            if (warmUp.errors() > 0) {
                throw new IllegalStateException(warmUp.errors() + " of the warm-up calls failed: see "
                        + "the service log");
            }
        }
        ClosedLoop.run(http, "warm-up", 4, Collections.nCopies(TRIVIAL_CALLS / 3,
                HttpRequest.newBuilder(service.root().resolve("health/live")).build()));
    }

    /**
     * Issue #15: one caller sending a patient of 1, 10, 100 and 1,000 weekly sessions, so that p50 per session can
     * be compared across sizes; each row names its body's size. The first calls of each size warm it up unmeasured.
     */
    private void historySizes(HookCalls hooks) throws InterruptedException {
        for (int size = 0; size < HISTORY_SESSIONS.length; size++) {
            String body = WeeklyHistory.request(HISTORY_SESSIONS[size], LocalDate.now());
            String endpoint = String.format("hook call (RS384), %,d sessions, body %,d B", HISTORY_SESSIONS[size],
                    body.getBytes(StandardCharsets.UTF_8).length);
            ClosedLoop.run(http, "warm-up", 1, hooks.signedBody(HISTORY_CALLS[size] / 3, TestKeys.itRs384(), body));
            measurements.add(ClosedLoop.run(http, endpoint, 1,
                    hooks.signedBody(HISTORY_CALLS[size], TestKeys.itRs384(), body)));
        }
    }

    private void fixedRate(HookCalls hooks, String endpoint, JWK key) {
        measurements.add(FixedRate.run(http, endpoint, FIXED_RATE, hooks.signed(FIXED_RATE * FIXED_RATE_SECONDS,
                key)));
    }

    private String report(List<String> jvmOptions) {
        StringBuilder report = new StringBuilder(Measurement.tableHeader()).append('\n');
        measurements.forEach(measurement -> report.append(measurement.tableRow()).append('\n'));
        report.append('\n').append("service JVM options: ").append(String.join(" ", jvmOptions)).append('\n');
        notes.forEach(note -> report.append("- ").append(note).append('\n'));
        long errors = measurements.stream().mapToLong(Measurement::errors).sum();
        if (errors > 0) {
            report.append("FAILED: ").append(errors).append(" answers were not 200\n");
        }
        return report.toString();
    }
}
