package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.HostileFhirServer;
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
import java.net.URI;
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
 * Ten thousand seeded random mutations of real requests (the CDS Hooks corpus and the shipped PHQ-9 example, plus
 * feedback bodies), each validly signed and sent over HTTP on a few threads: not one may get a 5xx, and the service
 * must be ready afterwards. The seed is fixed so that a failure can be replayed; {@code -Dfuzz.seed} picks another,
 * {@code -Dfuzz.cases} another number of cases.
 * <p>
 * The surfaces an EHR controls for fetching are fuzzed too: {@code fhirServer} (now and then swapped for a server
 * the issuer does not list, a private or link-local address, another scheme or path), {@code fhirAuthorization}
 * (its fields mutated, its scope swapped for narrower or odd ones), and the {@code next} links of the pages a FHIR
 * server answers (a second allowed server answers every search with a page whose next link is drawn from links to
 * other origins, paths, schemes and malformed URLs). A server the issuer lists nowhere must never be called.
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    private static final int THREADS = 4;
    private static final String HOOK = "cds-services/" + PATIENT_VIEW;

    /** A request to mutate and where it goes. */
    private record Seed(String name, String path, JsonNode body) {
    }

    /** One mutated request. */
    private record Case(int number, String seed, String path, String body) {
    }

    private static final String TOKEN = "fuzz-token";

    private static FhirTestServer fhir;
    private static HostileFhirServer links;
    private static HostileFhirServer elsewhere;

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startFhirServers() {
        fhir = FhirTestServer.startAt(ItFhirPort.allowed());
        // as of today, so that fetched data reach the cards of current scores (and the cap), not only history
        fhir.addJson(Corpus.recentText(Corpus.PHQ9));
        elsewhere = HostileFhirServer.start();
        Random draws = new Random(SEED);
        links = HostileFhirServer.startAt(ItFhirPort.allowedForHostile());
        List<String> nextLinks = nextLinks(links.baseUrl(), elsewhere.baseUrl());
        links.nextLinksFrom(() -> {
            synchronized (draws) {
                return nextLinks.get(draws.nextInt(nextLinks.size()));
            }
        });
    }

    @AfterAll
    static void stopFhirServers() {
        fhir.close();
        links.close();
        elsewhere.close();
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
        // ... and past the reader to the fetching: refusals of servers, scopes and pages
        assertTrue(byStatus.getOrDefault(412, 0) > CASES / 100, () -> "statuses " + byStatus);
        assertTrue(links.requests().size() > CASES / 100, () -> links.requests().size() + " pages served");
        assertEquals(List.of(), elsewhere.requests(), "a server no issuer lists was called");

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
            cases.add(new Case(number, seed.name(), path, request(seed.body(), random, mutator)));
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
                .fhirServer(fhir.baseUrl(), TOKEN).json()));
        seeds.add(new Seed("paging patient-view", HOOK, HookRequest.patientView(Corpus.PHQ9_PATIENT)
                .fhirServer(links.baseUrl(), TOKEN).json()));
        seeds.add(new Seed("feedback", HOOK + "/feedback",
                Feedback.of(Feedback.item("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "accepted"),
                        Feedback.item("6f1d2c3b-0000-4000-8000-000000000001", "overridden"))));
        seeds.add(new Seed("feedback with reasons", HOOK + "/feedback", Feedback.of(
                accepted("0b5a4c71-3f53-4b0e-9d8a-3f1c2e9a7b10", "suggestion-1"),
                overridden("6f1d2c3b-0000-4000-8000-000000000001", "https://ehr.example.org/override-reasons",
                        "patient-declined"),
                overridden("6f1d2c3b-0000-4000-8000-000000000002", "https://alliance-cds.org/fhir/CodeSystem/"
                        + "override-reasons", "already-addressed"))));
        return seeds;
    }

    /**
     * A mutated request. One in five requests that fetch keeps its envelope and prefetch and has only its fetching
     * surfaces changed, so that the fuzz reaches the fetching code and the pages' next links in numbers, rather than
     * mostly the reader's refusals of broken JSON; the rest are mutated throughout.
     */
    private static String request(JsonNode seed, Random random, JsonMutator mutator) {
        if (!seed.has("fhirServer")) {
            return mutator.mutate(seed, null);
        }
        if (random.nextInt(5) == 0) {
            return withFetchingSurfaces(seed, random).toString();
        }
        JsonNode body = withFetchingSurfaces(seed, random);
        return mutator.mutate(body, body.path("fhirServer").asText());
    }

    /**
     * The request with, now and then, its fhirServer swapped for one the issuer does not allow (or allows only in
     * part), or its scope for a narrower or odd one; otherwise as it is.
     */
    private static JsonNode withFetchingSurfaces(JsonNode seed, Random random) {
        ObjectNode request = seed.deepCopy();
        if (random.nextInt(4) == 0) {
            List<String> servers = refusedServers();
            request.put("fhirServer", servers.get(random.nextInt(servers.size())));
        }
        if (request.path("fhirAuthorization").isObject() && random.nextInt(6) == 0) {
            ((ObjectNode) request.get("fhirAuthorization")).put("scope", SCOPES.get(random.nextInt(SCOPES.size())));
        }
        return request;
    }

    private static final List<String> SCOPES = List.of("", " ", "launch openid fhirUser", "patient/Observation.read",
            "patient/*.read", "user/*.*", "system/*.rs", "patient/QuestionnaireResponse.rs patient/Observation.rs "
                    + "patient/EpisodeOfCare.rs user/Questionnaire.rs", "patient/QuestionnaireResponse.c",
            "patient/QuestionnaireResponse.read\npatient/Observation.read", "x".repeat(5000));

    /** fhirServer values the service must refuse before it connects anywhere. */
    private static List<String> refusedServers() {
        int port = ItFhirPort.allowed();
        return List.of(elsewhere.baseUrl(), "http://127.0.0.1:" + port + "/fhirx", "http://127.0.0.1:" + port
                        + "/fhir/../admin", "http://localhost:" + port + "/fhir", "https://127.0.0.1:" + port + "/fhir",
                "http://[::1]:" + port + "/fhir", "http://2130706433:" + port + "/fhir",
                "http://0x7f000001:" + port + "/fhir", "http://10.0.0.1:" + port + "/fhir",
                "http://169.254.169.254/fhir", "http://127.0.0.1:" + port + "@elsewhere.example/fhir",
                "file:///etc/passwd", "gopher://127.0.0.1:" + port + "/fhir", "https://ehr.example.org/fhir");
    }

    /** Next links a page may carry: the allowed server's own, and links elsewhere, odd or malformed. */
    private static List<String> nextLinks(String allowed, String other) {
        URI base = URI.create(allowed);
        String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        return List.of(allowed + "/QuestionnaireResponse?page=2", allowed + "?_getpages=x&_offset=20",
                other + "/QuestionnaireResponse?page=2", origin + "/other?page=2", origin + "/fhir/../admin/try",
                "http://localhost:" + base.getPort() + "/fhir?page=2", "https://127.0.0.1:" + base.getPort()
                        + "/fhir?page=2", "//127.0.0.1:" + URI.create(other).getPort() + "/fhir?page=2",
                "?page=3", "", "javascript:alert(1)", "http://user:secret@127.0.0.1:" + URI.create(other).getPort()
                        + "/fhir", "http://10.0.0.1/fhir?page=2", "http://169.254.169.254/latest/meta-data",
                allowed + "?page=" + "9".repeat(10_000), allowed + "?a=%0d%0aX-Injected:%20yes", allowed + "?é=€",
                "http://[::1]:" + base.getPort() + "/fhir", "not a url at all", "file:///etc/passwd");
    }

    private static ObjectNode accepted(String card, String suggestion) {
        ObjectNode item = Feedback.item(card, "accepted");
        ((ArrayNode) item.get("acceptedSuggestions")).addObject().put("id", suggestion);
        return item;
    }

    private static ObjectNode overridden(String card, String system, String code) {
        ObjectNode item = Feedback.item(card, "overridden");
        ObjectNode reason = item.putObject("overrideReason");
        reason.putObject("reason").put("system", system).put("code", code).put("display", code);
        reason.put("userComment", "fuzz");
        return item;
    }

    private static JsonNode example() {
        try {
            return Reply.MAPPER.readTree(Files.readString(Path.of("rules/examples/patient-view-mii-phq9.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus's requests name their EHRs' FHIR servers: the local one stands in, so that they fetch too. */
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
