package org.alliancecds.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro in a process of its own, as it runs in production: started with the given JVM
 * options and system properties, on a free loopback port, in a Hazelcast cluster of its own (so it never joins
 * another Payara on the machine), its output kept in a log file.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WAIT = Duration.ofMinutes(2);
    private static final Duration READY_POLL = Duration.ofMillis(20);

    private final Process process;
    private final URI root;
    private final Duration startToReady;

    private ServiceProcess(Process process, URI root, Duration startToReady) {
        this.process = process;
        this.root = root;
        this.startToReady = startToReady;
    }

    /**
     * Starts the service and returns once {@code /health/ready} answers 200.
     *
     * @param workDirectory Payara's root directory, temporary files and the log go here
     */
    static ServiceProcess start(Path payaraJar, Path war, Path workDirectory, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + workDirectory);
        command.addAll(List.of("-jar", payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--rootDir", workDirectory.resolve("payara").toString(),
                "--clusterName", "alliance-load-" + ProcessHandle.current().pid()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("service.log").toFile()).start();
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        ServiceProcess service = new ServiceProcess(process, root, Duration.ZERO);
        try {
            service.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return new ServiceProcess(process, root, Duration.ofNanos(System.nanoTime() - started));
    }

    URI root() {
        return root;
    }

    /** From launching the JVM to the first 200 of {@code /health/ready}. */
    Duration startToReady() {
        return startToReady;
    }

    /** Resident memory now, in MiB (Linux: {@code VmRSS}). */
    long residentMib() throws IOException {
        return statusKib("VmRSS:") / 1024;
    }

    /** The most resident memory the process has had, in MiB (Linux: {@code VmHWM}). */
    long peakResidentMib() throws IOException {
        return statusKib("VmHWM:") / 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(root.resolve("health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue()
                        + "; see its log");
            }
            try {
                if (http.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens some seconds after the JVM starts
            }
            Thread.sleep(READY_POLL.toMillis());
        }
        throw new IllegalStateException("not ready after " + READY_WAIT);
    }

    private long statusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " not in /proc/" + process.pid() + "/status");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
