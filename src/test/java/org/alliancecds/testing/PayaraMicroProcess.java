package org.alliancecds.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One Payara Micro started as its own process ({@code java -jar payara-micro.jar}), for the tests that need more
 * than the one server Arquillian gives an IT class, and for the load benchmark, which also reads its start-up time
 * and memory. Everything it writes stays in its folder under target/: its configuration ({@code --rootdir}), the
 * runtime it unpacks (its {@code java.io.tmpdir}) and its log, which is kept after it stops so a failure can be read.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    // Fine enough to time start-up to a few hundredths of a second; a health check costs next to nothing.
    private static final Duration READY_POLL = Duration.ofMillis(20);
    // The log is read whole each time: less often.
    private static final Duration LOG_POLL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 60;
    private static final Path COMMAND_FILES = Path.of("src", "main", "payara").toAbsolutePath();

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;
    private final long launchedNanos;

    private PayaraMicroProcess(String name, int httpPort, Path log, Process process, long launchedNanos) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Starts Payara Micro on {@code httpPort} with the WAR at context root {@code /}, as the README runs it: with the
     * command files that keep HTTP closed until the WAR is deployed.
     *
     * @param folder       this instance's own folder (created; its log is {@code folder + ".log"})
     * @param jvmOptions   system properties and other JVM options, before {@code -jar}
     * @param microOptions Payara Micro options besides the port and the deployment
     */
    public static PayaraMicroProcess start(String name, Path payaraJar, Path war, Path folder, int httpPort,
                                    List<String> jvmOptions, List<String> microOptions) throws IOException {
        List<String> gated = new ArrayList<>(microOptions);
        gated.addAll(List.of("--prebootcommandfile", COMMAND_FILES.resolve("before-boot.asadmin").toString(),
                "--postdeploycommandfile", COMMAND_FILES.resolve("after-deploy.asadmin").toString()));
        return startUngated(name, payaraJar, war, folder, httpPort, jvmOptions, gated);
    }

    /**
     * Starts Payara Micro without the command files, so that HTTP opens while the WAR still deploys: only for the
     * test showing what those files prevent.
     */
    public static PayaraMicroProcess startUngated(String name, Path payaraJar, Path war, Path folder, int httpPort,
                                           List<String> jvmOptions, List<String> microOptions) throws IOException {
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        Path log = folder.resolveSibling(folder.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", payaraJar.toAbsolutePath().toString(),
                "--rootdir", folder.resolve("root").toAbsolutePath().toString(),
                "--port", Integer.toString(httpPort),
                "--deploy", war.toAbsolutePath().toString(), "--contextroot", "/"));
        command.addAll(microOptions);
        Files.writeString(log, String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new PayaraMicroProcess(name, httpPort, log, process, launched);
    }

    /** A port nobody listens on right now (it may be taken before Payara binds it; the log would say so). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    /** Where the service is reached, on loopback. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /**
     * Until MicroProfile Health says ready (rules and profiles in service, authentication usable).
     *
     * @return the time from launching the JVM to the first ready answer
     */
    public Duration awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(root().resolve("health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build();
        await(timeout, READY_POLL, "ready (GET /health/ready = 200)", () -> {
            try {
                return http.send(ready, BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + name, e);
            }
        });
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /** Until a line of the log matches. */
    public void awaitLog(Pattern line, Duration timeout) {
        await(timeout, LOG_POLL, "a log line matching " + line, () -> line.matcher(log()).find());
    }

    /** The last lines of the log, for a failure message. */
    public String logTail() {
        List<String> lines = log().lines().toList();
        return "---- last lines of " + log + " ----\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Asks Payara to shut down (SIGTERM: the application undeploys and drains its audit queue), then insists. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory now, in MiB (Linux: {@code VmRSS}). */
    public long residentMib() {
        return statusKib("VmRSS:") / 1024;
    }

    /** The most resident memory the process has had, in MiB (Linux: {@code VmHWM}). */
    public long peakResidentMib() {
        return statusKib("VmHWM:") / 1024;
    }

    /** Everything the instance logged so far. */
    public String log() {
        try {
            // decoded leniently: a stray byte in Payara's output must not fail the reading
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private long statusKib(String field) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").trim()))
                    .orElseThrow(() -> new IllegalStateException(field + " not in " + status));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    private void await(Duration timeout, Duration poll, String what, Condition reached) {
        Instant deadline = Instant.now().plus(timeout);
        while (!reached.holds()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before " + what + "\n"
                        + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not " + what + " within " + timeout + "\n" + logTail());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + name, e);
            }
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds();
    }
}
