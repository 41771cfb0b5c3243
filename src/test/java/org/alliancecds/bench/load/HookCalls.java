package org.alliancecds.bench.load;

import com.nimbusds.jose.jwk.JWK;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scenario cases' hook calls as an EHR sends them, each with a JWT of its own (a fresh {@code jti}, {@code aud}
 * the URL called). Tokens are signed before a phase starts, on every core, so that signing does not compete with
 * the service during the measurement.
 */
final class HookCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Long enough for the slowest phase to use every token it was given (the fixed rate's 30 s), short enough that
     * the service's replay store holds every id of the window at saturation ({@link LoadBenchmark#TOKEN_OPTIONS}).
     */
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(50);

    private static final String PATIENT_VIEW = "alliance-patient-view";

    private final URI root;
    private final List<ScenarioCase> cases;

    HookCalls(URI root, Path rules) {
        this.root = root;
        this.cases = ScenarioCases.read(rules, LocalDate.now());
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no scenario cases under " + rules);
        }
    }

    int caseCount() {
        return cases.size();
    }

    /** {@code count} calls going round the cases, signed with {@code key} (ES384 or RS384). */
    List<HttpRequest> signed(int count, JWK key) {
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel().mapToObj(index -> {
            ScenarioCase scenario = cases.get(index % cases.size());
            URI url = root.resolve("cds-services/" + scenario.serviceId());
            String token = TestJwt.by(key, TestKeys.IT_ISSUER).audience(url.toString()).issuedAt(now)
                    .expiresAt(now.plus(TOKEN_LIFETIME)).sign();
            return HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                    .POST(BodyPublishers.ofString(scenario.request().toString())).build();
        }).toList();
    }

    /**
     * {@code count} patient-view calls with the same body ({@code WeeklyHistory}'s patient, whose size is the point
     * of the issue #15 series), each with a token of its own.
     */
    List<HttpRequest> signedBody(int count, JWK key, String body) {
        URI url = root.resolve("cds-services/" + PATIENT_VIEW);
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel().mapToObj(index -> HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + TestJwt.by(key, TestKeys.IT_ISSUER).audience(url.toString())
                        .issuedAt(now).expiresAt(now.plus(TOKEN_LIFETIME)).sign())
                .POST(BodyPublishers.ofString(body)).build()).toList();
    }

    /** The discovery document with a token: the JAX-RS and JWT path of a hook call, without the pipeline. */
    List<HttpRequest> discovery(int count, JWK key) {
        URI url = root.resolve("cds-services");
        Instant now = Instant.now();
        return IntStream.range(0, count).parallel().mapToObj(index -> HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Authorization", "Bearer "
                        + TestJwt.by(key, TestKeys.IT_ISSUER).audience(url.toString()).issuedAt(now)
                        .expiresAt(now.plus(TOKEN_LIFETIME)).sign())
                .GET().build()).toList();
    }
}
