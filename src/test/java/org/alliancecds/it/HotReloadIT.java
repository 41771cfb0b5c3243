package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.testing.Folders;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.alliancecds.it.CdsAssertions.topics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing the served rules (target/it-rules, a copy) changes the next answer without a restart; a broken rule is
 * refused at its line while the last good rules keep serving; no request fails while rule bases are swapped.
 */
@ExtendWith(ArquillianExtension.class)
class HotReloadIT {

    private static final Path SERVED = Path.of("target/it-rules");
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);
    private static final String THRESHOLDS = "thresholds.csv";
    private static final String ANXIETY_RULE = "anxiety-perception.drl";

    @ArquillianResource
    private URL deployment;

    private CdsClient client;
    private String thresholds;
    private String anxietyRule;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void keepTheServedFiles() throws IOException {
        client = new CdsClient(deployment);
        thresholds = Files.readString(SERVED.resolve(THRESHOLDS));
        anxietyRule = Files.readString(SERVED.resolve(ANXIETY_RULE));
    }

    @AfterEach
    void restoreTheServedFiles() throws IOException {
        boolean changed = !Files.readString(SERVED.resolve(THRESHOLDS)).equals(thresholds)
                || !Files.readString(SERVED.resolve(ANXIETY_RULE)).equals(anxietyRule);
        if (!changed) {
            return;
        }
        String lastReload = newestReload(status()).path("at").asText();
        Folders.replace(SERVED.resolve(THRESHOLDS), thresholds);
        Folders.replace(SERVED.resolve(ANXIETY_RULE), anxietyRule);
        awaitStatus(status -> !newestReload(status).path("at").asText().equals(lastReload)
                && newestReload(status).path("accepted").asBoolean());
    }

    private static JsonNode newestReload(JsonNode status) {
        return status.path("reloads").path(0);
    }

    @Test
    void anEditedThresholdChangesTheNextAnswer() throws IOException {
        ScenarioCase gad7At9 = scenario("ANXIETY-PERCEPTION/out-gad7-at-9.json");
        assertEquals(Set.of(), fired(gad7At9));
        String before = status().path("version").asText();
        edit(THRESHOLDS, "gad7.moderate,10,", "gad7.moderate,9,");
        awaitStatus(status -> !status.path("version").asText().equals(before));
        assertEquals(Set.of("ANXIETY-PERCEPTION"), fired(gad7At9));
    }

    @Test
    void aBrokenRuleIsRefusedAtItsLineWhileTheLastGoodRulesServe() throws IOException {
        String before = status().path("version").asText();
        int reloadsBefore = status().path("reloads").size();
        edit(ANXIETY_RULE, "latest, value >=", "latest value >=");
        JsonNode status = awaitStatus(now -> now.path("reloads").size() > reloadsBefore);
        JsonNode refused = status.path("reloads").get(0);
        assertFalse(refused.path("accepted").asBoolean(), status::toString);
        assertEquals(before, status.path("version").asText());
        JsonNode problem = refused.path("problems").get(0);
        assertEquals(ANXIETY_RULE, problem.path("file").asText(), status::toString);
        List<String> lines = Files.readAllLines(SERVED.resolve(ANXIETY_RULE));
        assertTrue(lines.get(problem.path("line").asInt() - 1).contains("latest value >="), problem::toString);
        assertEquals(Set.of("ANXIETY-PERCEPTION"), fired(scenario("ANXIETY-PERCEPTION/in-gad7-at-10.json")),
                "the last good rules still serve");
    }

    @Test
    void noRequestFailsWhileRuleBasesAreSwapped() throws Exception {
        ScenarioCase severe = scenario("SEVERE-SYMPTOM-SENSITIVITY/in-phq9-at-20.json");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            load.submit(() -> {
                CdsClient own = new CdsClient(deployment);
                while (running.get()) {
                    Reply reply = own.post("cds-services/" + severe.serviceId(), severe.request());
                    if (reply.status() != 200) {
                        failures.add(reply.toString());
                    } else {
                        reply.json().path("cards").forEach(card ->
                                versions.add(card.path("extension").path("org.alliance-cds.rule-base-version")
                                .asText()));
                    }
                }
            });
        }
        List<String> served = new ArrayList<>();
        served.add(status().path("version").asText());
        for (String severeAt : List.of("21", "22", "20")) {
            String previous = served.get(served.size() - 1);
            Folders.replace(SERVED.resolve(THRESHOLDS), thresholds.replace("phq9.severe,20,",
                    "phq9.severe," + severeAt + ","));
            served.add(awaitStatus(status -> !status.path("version").asText().equals(previous))
                    .path("version").asText());
        }
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(failures));
        assertFalse(versions.isEmpty());
        assertTrue(served.containsAll(Set.copyOf(versions)), () -> "every card from a served rule base: " + served);
    }

    private Set<String> fired(ScenarioCase scenario) {
        return topics(client.post("cds-services/" + scenario.serviceId(), scenario.request()));
    }

    private static ScenarioCase scenario(String file) {
        return ScenarioCases.read(Path.of("rules"), LocalDate.now()).stream()
                .filter(scenario -> scenario.file().equals(file)).findFirst().orElseThrow();
    }

    private static void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(SERVED.resolve(file));
        assertTrue(text.contains(from), "test set-up: " + from);
        Folders.replace(SERVED.resolve(file), text.replace(from, to));
    }

    private JsonNode status() {
        Reply reply = client.authorized("Bearer " + Deployments.ADMIN_TOKEN).get("admin/rule-base");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonNode awaitStatus(Predicate<JsonNode> reached) {
        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        JsonNode status = status();
        while (!reached.test(status)) {
            assertTrue(Instant.now().isBefore(deadline), "no reload within " + RELOAD_WAIT + ": " + status);
            sleep();
            status = status();
        }
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
