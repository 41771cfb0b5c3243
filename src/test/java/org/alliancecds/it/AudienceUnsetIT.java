package org.alliancecds.it;

import org.alliancecds.testing.PayaraMicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication on, but no URL configured for {@code aud} (neither cds.public-base-url nor cds.auth.audiences):
 * the service must not take the audience from the request's Host header. It stays unready, says why, and refuses
 * even a token for exactly the URL called. Its own Payara Micro, started here, since every other IT configures a
 * base URL. (Start-up on a loaded machine takes minutes, hence the generous waits.)
 */
class AudienceUnsetIT {

    private static final Path HOME = Path.of("target/audience-unset-it");
    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern CANNOT_WORK = Pattern.compile("authentication is on but cannot work");
    private static final Pattern DEPLOYED = Pattern.compile("Payara Micro .* ready in");
    private static PayaraMicroProcess service;

    @BeforeAll
    static void start() throws IOException {
        String basedir = System.getProperty("alliance.basedir");
        List<String> jvm = List.of(
                "-Dcds.rules.dir=" + Path.of(basedir, "rules"), "-Dcds.reload.interval-ms=0",
                "-Dcds.profiles.dir=" + Path.of(basedir, "fhir-profiles"),
                "-Dcds.trusted-issuers=" + Path.of(basedir, "src/test/resources/trusted-issuers.json"),
                "-Dcds.db.url=jdbc:h2:mem:audience-unset-it;DB_CLOSE_DELAY=-1");
        service = PayaraMicroProcess.start("audience-unset", Path.of(System.getProperty("payara.micro.jar")),
                Path.of("target/alliance-cds.war"), HOME.resolve("service"), PayaraMicroProcess.freePort(), jvm,
                List.of("--nocluster"));
        service.awaitLog(CANNOT_WORK, START);
        // Readiness never turns UP here: wait for the deployment to be complete instead.
        service.awaitLog(DEPLOYED, START);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readinessIsDownAndSaysWhy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(service.root().resolve("health/ready")).GET().build();
        Instant deadline = Instant.now().plus(START);
        HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        while (!answer.body().contains("cds.public-base-url") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("cds.auth.audiences"), answer.body());
    }

    @Test
    void aTokenForTheUrlAsCalledIsRefused() throws MalformedURLException {
        CdsClient client = new CdsClient(service.root().toURL());
        String token = client.token("cds-services").audience(client.url("cds-services")).sign();
        Reply reply = client.send("GET", "cds-services", null, Map.of("Authorization", CdsClient.bearer(token)));
        assertEquals(401, reply.status(), reply::toString);
        service.awaitLog(Pattern.compile("401 for GET /cds-services: failed check 'authentication misconfigured'"),
                Duration.ofSeconds(30));
    }
}
