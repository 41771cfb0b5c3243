package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.FhirTestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.alliancecds.it.HookRequest.ENCOUNTER_START;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of seeded random mutations of real requests (the CDS Hooks corpus and the shipped PHQ-9 example, plus
 * a feedback body), each validly signed and sent over HTTP on a few threads: not one may get a 5xx, and the service
 * must be ready afterwards. The seed is fixed so that a failure can be replayed; {@code -Dfuzz.seed} picks another.
 * A FHIR server with the PHQ-9 response stands in for every {@code fhirServer}, so mutations that drop prefetch
 * reach the fetching code too.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final int CASES = 2000;
    private static final int THREADS = 4;
    private static final String HOOK = "cds-services/" + PATIENT_VIEW;

    /** A request to mutate and where it goes. */
    private record Seed(String name, String path, JsonNode body) {
    }

    /** One mutated request. */
    private record Case(int number, String seed, String path, String body) {
    }

    private static FhirTestServer fhir;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startFhirServer() {
        fhir = FhirTestServer.startAt(ItFhirPort.allowed());
        // as of today, so that fetched data reach the cards of current scores (and the cap), not only history
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
    }

    @AfterAll
    static void stopFhirServer() {
        fhir.close();
    }

    @Test
    void mutatedRequestsNeverGetA5xxAndTheServiceStaysReady() throws InterruptedException, ExecutionException {
        CdsClient client = new CdsClient(deployment);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Case fuzz : cases()) {
                sent.add(pool.submit(() -> {
                    Reply reply = client.post(fuzz.path(), fuzz.body(), CdsClient.JSON);
                    statuses.merge(reply.status(), 1, Integer::sum);
                    if (reply.status() >= 500) {
                        failures.add("case " + fuzz.number() + " (" + fuzz.seed() + " to " + fuzz.path() + "): "
                                + reply + "\n  request: " + abbreviated(fuzz.body()));
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> byStatus = new TreeMap<>(statuses);
        assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(10, failures.size())),
                () -> failures.size() + " answers were 5xx (seed " + SEED + "); statuses " + byStatus);
        assertEquals(CASES, byStatus.values().stream().mapToInt(Integer::intValue).sum());
        // The mutations must reach past the JSON parser: some calls still get cards, some need data they lack.
        assertTrue(byStatus.getOrDefault(200, 0) > CASES / 20, () -> "statuses " + byStatus);
        assertTrue(byStatus.getOrDefault(400, 0) > CASES / 20, () -> "statuses " + byStatus);

        Reply health = client.send("GET", "health/ready", null, Map.of());
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().path("status").asText(), health::toString);
    }

    private List<Case> cases() {
        List<Seed> seeds = seeds();
        Random random = new Random(SEED);
        JsonMutator mutator = new JsonMutator(random);
        List<Case> cases = new ArrayList<>();
        for (int number = 0; number < CASES; number++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            String path = seed.path().equals(HOOK) && random.nextInt(10) == 0 ? "cds-services/" + ENCOUNTER_START
                    : seed.path();
            cases.add(new Case(number, seed.name(), path, mutator.mutate(seed.body(), fhir.baseUrl())));
        }
        return cases;
    }

    private static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (String file : Corpus.files("cds-hooks")) {
            seeds.add(new Seed(file, HOOK, local(Corpus.json("cds-hooks/" + file))));
        }
        seeds.add(new Seed("patient-view-mii-phq9.json", HOOK, example()));
        seeds.add(new Seed("fetching patient-view", HOOK, HookRequest.patientView(Corpus.PHQ9_PATIENT)
                .fhirServer(fhir.baseUrl(), "fuzz-token").json()));
        seeds.add(new Seed("feedback", HOOK + "/feedback",
                Feedback.of(Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "accepted"),
                        Feedback.item("6f1d2c3b-0000-4000-8000-000000000001", "overridden"))));
        return seeds;
    }

    private static JsonNode example() {
        try {
            return Reply.MAPPER.readTree(Files.readString(Path.of("rules/examples/patient-view-mii-phq9.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests that name a fhirServer name the local one instead, so that no call leaves the machine. */
    private static JsonNode local(JsonNode request) {
        if (request.isObject() && request.has("fhirServer")) {
            ((ObjectNode) request).put("fhirServer", fhir.baseUrl());
        }
        return request;
    }

    private static String abbreviated(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
