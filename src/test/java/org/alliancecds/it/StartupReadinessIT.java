package org.alliancecds.it;

import org.alliancecds.testing.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an orchestrator polling {@code /health/ready} sees while the service starts, from the moment its JVM is
 * launched: a refused connection, the service's own 503 with its reasons, then 200. Never Payara's 404, its
 * "no application" 503 or a bare 500 of a web module that is still starting. The negative control starts the same
 * WAR without the command files that keep HTTP closed during deployment, and must see one of those.
 * (Each start takes minutes on a loaded 2-core machine, hence the generous wait.)
 */
class StartupReadinessIT {

    private static final Path HOME = Path.of("target/startup-readiness-it");
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String REFUSED = "no connection";

    @Test
    void readinessIsRefusedThenTheServicesOwnAnswer() throws Exception {
        Set<String> seen = pollWhileStarting(true);
        assertTrue(seen.contains("200 UP"), () -> "never ready: " + seen);
        Set<String> unexpected = new LinkedHashSet<>(seen);
        unexpected.removeAll(Set.of(REFUSED, "503 DOWN", "200 UP"));
        assertEquals(Set.of(), unexpected, () -> "answers other than the service's own while starting: " + seen);
    }

    @Test
    void negativeControlWithoutTheCommandFilesPayaraAnswersWhileTheWarDeploys() throws Exception {
        Set<String> seen = pollWhileStarting(false);
        Set<String> payaras = new LinkedHashSet<>(seen);
        payaras.removeAll(Set.of(REFUSED, "503 DOWN", "200 UP"));
        assertFalse(payaras.isEmpty(), () -> "the poll should have caught Payara answering for the WAR: " + seen);
    }

    /** Every distinct kind of answer, in the order first seen, until the first 200. */
    private static Set<String> pollWhileStarting(boolean gated) throws IOException, InterruptedException {
        String basedir = System.getProperty("alliance.basedir");
        List<String> jvm = List.of("-Dcds.auth=off", "-Dcds.reload.interval-ms=0",
                "-Dcds.rules.dir=" + Path.of(basedir, "rules"),
                "-Dcds.profiles.dir=" + Path.of(basedir, "fhir-profiles"),
                "-Dcds.db.url=jdbc:h2:mem:startup-readiness-it;DB_CLOSE_DELAY=-1");
        Path payara = Path.of(System.getProperty("payara.micro.jar"));
        Path war = Path.of("target/alliance-cds.war");
        String name = gated ? "gated" : "ungated";
        int port = PayaraMicroProcess.freePort();
        List<String> micro = List.of("--nocluster");
        Set<String> seen = new LinkedHashSet<>();
        try (PayaraMicroProcess service = gated
                ? PayaraMicroProcess.start(name, payara, war, HOME.resolve(name), port, jvm, micro)
                : PayaraMicroProcess.startUngated(name, payara, war, HOME.resolve(name), port, jvm, micro)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(service.root().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            Instant deadline = Instant.now().plus(START);
            while (!seen.contains("200 UP")) {
                assertTrue(Instant.now().isBefore(deadline), () -> "not ready in " + START + ", saw " + seen + "\n"
                        + service.logTail());
                seen.add(answer(http, ready));
                Thread.sleep(POLL.toMillis());
            }
        }
        return seen;
    }

    private static String answer(HttpClient http, HttpRequest ready) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
            String body = answer.body();
            if (answer.statusCode() == 200 && body.startsWith("{\"status\":\"UP\"")) {
                return "200 UP";
            }
            if (answer.statusCode() == 503 && body.startsWith("{\"status\":\"DOWN\"")) {
                return "503 DOWN";
            }
            return answer.statusCode() + " " + body.substring(0, Math.min(body.length(), 60)).strip();
        } catch (IOException refused) {
            return REFUSED;
        }
    }
}
