package org.alliancecds.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times reloads as an informaticist meets them: edit a rule file, then see a new rule-base version in service.
 * Reports both that span (which includes up to one poll interval before the service notices) and the reload's
 * own time as the service records it.
 */
final class ReloadTimer {

    /** How often the benchmarked service looks for edits; bounds how late a reload can start. */
    static final int POLL_MS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final HttpRequest status;
    private final Path rules;

    ReloadTimer(HttpClient http, URI root, String adminToken, Path rules) {
        this.http = http;
        this.status = HttpRequest.newBuilder(root.resolve("admin/rule-base"))
                .header("Authorization", "Bearer " + adminToken).build();
        this.rules = rules;
    }

    List<String> time(int reloads) throws IOException, InterruptedException {
        List<Long> editToServing = new ArrayList<>();
        List<Long> reloadItself = new ArrayList<>();
        Path edited = firstRuleFile();
        for (int reload = 1; reload <= reloads; reload++) {
            String before = status().path("version").asText();
            long edit = System.nanoTime();
            Files.writeString(edited, "\n// reload timing " + reload + "\n", StandardOpenOption.APPEND);
            JsonNode after = awaitNewVersion(before, edit);
            editToServing.add((System.nanoTime() - edit) / 1_000_000);
            JsonNode record = after.path("reloads").path(0);
            if (!record.path("accepted").asBoolean()) {
                throw new IllegalStateException("the timed reload was refused: " + record);
            }
            reloadItself.add(record.path("tookMs").asLong());
        }
        return List.of("reload (compile and swap, as the service records it), ms: " + reloadItself,
                "edit to new version in service (includes up to " + POLL_MS + " ms of polling), ms: "
                        + editToServing);
    }

    private JsonNode awaitNewVersion(String before, long edit) throws IOException, InterruptedException {
        while (System.nanoTime() - edit < WAIT.toNanos()) {
            JsonNode now = status();
            if (!now.path("version").asText().equals(before)) {
                return now;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no new rule-base version " + WAIT + " after an edit");
    }

    private JsonNode status() throws IOException, InterruptedException {
        var response = http.send(status, BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/rule-base answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private Path firstRuleFile() throws IOException {
        try (Stream<Path> files = Files.list(rules)) {
            return files.filter(file -> file.toString().endsWith(".drl")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no .drl in " + rules));
        }
    }
}
