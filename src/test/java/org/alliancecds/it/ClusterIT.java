package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.testing.FhirTestServer;
import org.alliancecds.testing.Folders;
import org.alliancecds.testing.PayaraMicroProcess;
import org.alliancecds.testing.TestJwt;
import org.alliancecds.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.HookRequest.PATIENT_VIEW;
import static org.alliancecds.it.QuietCalls.ALLIANCE_LOW;
import static org.alliancecds.it.QuietCalls.WEAKEST_BOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out: two Payara Micro instances of the built WAR on this machine form one Hazelcast cluster, as N instances
 * behind a load balancer would. A token used on one is refused on the other (the {@code jti} replay store is
 * Payara's clustered JCache), and both serve the same rule-base version from the same rules, also after an edit.
 * <p>
 * The instances discover each other over TCP/IP on loopback, by their two data-grid ports only, under a cluster name
 * made for this run: the Payara Micros that other ITs (and other builds on this machine) start at the same time use
 * Payara's default multicast discovery and another cluster name, so neither side can join the other. Both are given
 * the same {@code cds.public-base-url}, as a load balancer's URL, so that a token's {@code aud} is valid on either.
 * They write to the run's audit database like every other IT's server, and their calls go into the ledger, so
 * {@link AuditCompletenessIT} also checks that cluster members audit into one shared database. A card answered on
 * one instance stays quiet on the other (the answered cards are kept in Payara's clustered JCache too), and so does the
 * clinician view's session.
 */
class ClusterIT {

    private static final Path HOME = Path.of("target/cluster-it");
    private static final Path RULES = HOME.resolve("rules");
    private static final String PUBLIC_BASE = "https://cds.cluster-it.test";
    private static final String HOOK = "cds-services/" + PATIENT_VIEW;
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration CLUSTER_FORMED = Duration.ofMinutes(1);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    // Payara's "Data Grid Status", logged by each member when it starts and whenever the membership changes.
    private static final Pattern GRID_UP = Pattern.compile("DG Size: \\d+");
    private static final Pattern TWO_MEMBERS = Pattern.compile("DG Size: 2\\b");
    private static final Pattern REPLAY_REFUSED = Pattern.compile("401 for POST /" + HOOK + ": failed check 'replayed jti'");

    private static final String USER = "Practitioner/cluster-it-therapist";
    private static final String OTHER_USER = "Practitioner/cluster-it-colleague";

    private static final List<PayaraMicroProcess> instances = new ArrayList<>();
    private static PayaraMicroProcess a;
    private static PayaraMicroProcess b;

    @BeforeAll
    static void startTwoClusteredInstances() throws IOException {
        Folders.delete(HOME);
        Folders.copy(Path.of(System.getProperty("alliance.basedir"), "rules"), RULES);
        String cluster = "alliance-cds-it-" + UUID.randomUUID();
        int gridA = PayaraMicroProcess.freePort();
        int gridB = PayaraMicroProcess.freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        a = start("instance-a", gridA, cluster, members);
        // B joins a running member rather than racing A to found the cluster (two founders would split in two).
        a.awaitLog(GRID_UP, START);
        b = start("instance-b", gridB, cluster, members);
        for (PayaraMicroProcess instance : instances) {
            instance.awaitReady(START);
        }
        for (PayaraMicroProcess instance : instances) {
            instance.awaitLog(TWO_MEMBERS, CLUSTER_FORMED);
        }
    }

    /** Stops both; their logs stay, their runtime copies (some 250 MB each) go. */
    @AfterAll
    static void stopThem() throws IOException {
        instances.forEach(PayaraMicroProcess::close);
        for (PayaraMicroProcess instance : instances) {
            Folders.delete(HOME.resolve(instance.name()));
        }
    }

    @Test
    void aTokenUsedOnOneInstanceIsRefusedOnTheOther() {
        assertReplayRefusedAcross(a, b);
        assertReplayRefusedAcross(b, a);
    }

    @Test
    void bothInstancesServeTheSameRuleBase() {
        String version = ruleBaseVersion(a);
        assertFalse(version.isBlank(), "no rule base in service on " + a.name());
        assertEquals(version, ruleBaseVersion(b), "the two instances serve different rule bases");
    }

    @Test
    void anEditOfTheSharedRulesIsServedByBoth() throws IOException {
        String before = ruleBaseVersion(a);
        assertEquals(before, ruleBaseVersion(b));
        Path thresholds = RULES.resolve("thresholds.csv");
        String table = Files.readString(thresholds);
        assertTrue(table.contains("gad7.moderate,10,"), "test set-up: the GAD-7 threshold row");
        Folders.replace(thresholds, table.replace("gad7.moderate,10,", "gad7.moderate,9,"));
        String after = awaitNewVersion(a, before);
        assertEquals(after, awaitNewVersion(b, before), "the instances reloaded the same edit differently");
    }

    @Test
    void aCardAnsweredOnOneInstanceStaysQuietOnTheOtherForThatUser() {
        String patient = QuietCalls.newPatient();
        // B shows the card first, so B has looked up (and the cache holds) this user's answers before there are any.
        String card = QuietCalls.shown(post(b, HOOK, QuietCalls.request(WEAKEST_BOND, patient, USER)), ALLIANCE_LOW);
        JsonNode feedback = QuietCalls.overridden(card, "not-applicable", Instant.now());
        QuietCalls.assertTaken(post(a, QuietCalls.FEEDBACK, feedback), feedback);
        QuietCalls.assertQuiet(post(b, HOOK, QuietCalls.request(WEAKEST_BOND, patient, USER)), ALLIANCE_LOW);
        QuietCalls.shown(post(b, HOOK, QuietCalls.request(WEAKEST_BOND, patient, OTHER_USER)), ALLIANCE_LOW);
        QuietCalls.assertQuiet(post(a, HOOK, QuietCalls.request(WEAKEST_BOND, patient, USER)), ALLIANCE_LOW);
    }

    /**
     * The clinician view's session is the cluster's: a view launched through one instance reads the patient through
     * the other (a load balancer need not stick a browser to one instance). Both are on 127.0.0.1, so the browser
     * sends the one session cookie to either.
     */
    @Test
    void aViewLaunchedThroughOneInstanceReadsThroughTheOther() {
        String patient = "cluster-view-" + UUID.randomUUID();
        try (FhirTestServer ehr = FhirTestServer.startAt(ItFhirPort.allowed())) {
            ViewBrowser browser = new ViewBrowser(a.root());
            ehr.smart().registerClient("alliance-cds-view", a.root().resolve("/view/callback").toString(), null);
            ClinicianViewLaunchIT.seed(ehr, patient, LocalDate.now());
            String authorize = ViewBrowser.location(browser.get(ehr.smart().launchUrl(
                    a.root().resolve("/view/launch").toString(), patient, null)), 302);
            String callback = ViewBrowser.location(browser.get(authorize), 302);
            assertEquals("/view/", ViewBrowser.location(browser.get(callback), 303));
            HttpResponse<String> onB = browser.get(b.root().resolve("/view/api/patient").toString());
            assertEquals(200, onB.statusCode(), onB::body);
            assertEquals(patient, ViewBrowser.json(onB).path("patient").path("id").asText());
        }
    }

    /** A token accepted by {@code first} is refused by {@code second}; a fresh one is accepted there. */
    private static void assertReplayRefusedAcross(PayaraMicroProcess first, PayaraMicroProcess second) {
        String token = token();
        Reply accepted = callHook(first, token);
        assertEquals(200, accepted.status(), () -> "first use on " + first.name() + ": " + accepted + logs());

        long refusalsBefore = count(second, REPLAY_REFUSED);
        Reply replayed = callHook(second, token);
        assertEquals(401, replayed.status(), () -> "the same token on " + second.name() + " (a replay): " + replayed
                + logs());
        assertOperationOutcome(replayed, 401);
        assertEquals("Bearer", replayed.header("WWW-Authenticate").orElse(""), replayed::toString);
        awaitCount(second, REPLAY_REFUSED, refusalsBefore + 1);

        Reply fresh = callHook(second, token());
        assertEquals(200, fresh.status(), () -> "a fresh token on " + second.name() + ": " + fresh + logs());
    }

    /** A valid token of the test EHR for the hook, addressed to the load balancer's URL, as an EHR would. */
    private static String token() {
        return TestJwt.by(TestKeys.itEs384(), TestKeys.IT_ISSUER).audience(PUBLIC_BASE + "/" + HOOK).sign();
    }

    private static Reply callHook(PayaraMicroProcess instance, String token) {
        String body = HookRequest.patientView("example").prefetchNull("responses").prefetchNull("observations")
                .json().toString();
        return post(instance, HOOK, body, token);
    }

    /** A POST signed for the load balancer's URL of {@code path}, as an EHR would send it. */
    private static Reply post(PayaraMicroProcess instance, String path, JsonNode body) {
        String token = TestJwt.by(TestKeys.itEs384(), TestKeys.IT_ISSUER).audience(PUBLIC_BASE + "/" + path).sign();
        return post(instance, path, body.toString(), token);
    }

    private static Reply post(PayaraMicroProcess instance, String path, String body, String token) {
        Reply reply = client(instance).send("POST", path, body, Map.of("Content-Type", CdsClient.JSON,
                "Authorization", CdsClient.bearer(token)));
        AuditLedger.record(path, body, reply.status());
        return reply;
    }

    private static String ruleBaseVersion(PayaraMicroProcess instance) {
        Reply reply = client(instance).authorized("Bearer " + Deployments.ADMIN_TOKEN).get("admin/rule-base");
        assertEquals(200, reply.status(), () -> instance.name() + ": " + reply + logs());
        return reply.json().path("version").asText();
    }

    private static String awaitNewVersion(PayaraMicroProcess instance, String before) {
        Instant deadline = Instant.now().plus(RELOAD);
        String version = ruleBaseVersion(instance);
        while (version.equals(before)) {
            assertTrue(Instant.now().isBefore(deadline), () -> instance.name() + " still serves " + before
                    + " " + RELOAD + " after the edit" + logs());
            pause();
            version = ruleBaseVersion(instance);
        }
        return version;
    }

    private static long count(PayaraMicroProcess instance, Pattern line) {
        Matcher matcher = line.matcher(instance.log());
        return matcher.results().count();
    }

    /** Log lines reach the file a moment after the answer; wait for the line briefly, then fail. */
    private static void awaitCount(PayaraMicroProcess instance, Pattern line, long expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (count(instance, line) < expected) {
            assertTrue(Instant.now().isBefore(deadline), () -> instance.name() + " did not log the refusal as a"
                    + " replay (" + line + ")" + logs());
            pause();
        }
    }

    private static CdsClient client(PayaraMicroProcess instance) {
        try {
            return new CdsClient(instance.root().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PayaraMicroProcess start(String name, int gridPort, String cluster, String members)
            throws IOException {
        String basedir = System.getProperty("alliance.basedir");
        List<String> jvm = List.of(
                "-Dcds.rules.dir=" + RULES.toAbsolutePath(), "-Dcds.reload.interval-ms=300",
                "-Dcds.profiles.dir=" + Path.of(basedir, "fhir-profiles"),
                "-Dcds.trusted-issuers=" + Path.of(basedir, "target/test-classes/trusted-issuers.json"),
                "-Dcds.public-base-url=" + PUBLIC_BASE,
                "-Dcds.admin.token=" + Deployments.ADMIN_TOKEN,
                "-Dcds.db.url=" + System.getProperty("audit.db.url"),
                "-Dcds.db.user=" + System.getProperty("audit.db.user"),
                "-Dcds.db.password=" + System.getProperty("audit.db.password"),
                "-Dcds.audit.max-retry-delay-ms=1000",
                "-Dcds.view.redirect-uri=/view/callback",
                // Hazelcast listens on loopback only, not on every interface of the machine.
                "-Dhazelcast.socket.bind.any=false");
        List<String> micro = List.of("--name", name, "--clustername", cluster, "--clustermode", members,
                "--interfaces", "127.0.0.1", "--startport", Integer.toString(gridPort));
        PayaraMicroProcess instance = PayaraMicroProcess.start(name, Path.of(System.getProperty("payara.micro.jar")),
                Path.of("target/alliance-cds.war"), HOME.resolve(name), PayaraMicroProcess.freePort(), jvm, micro);
        instances.add(instance);
        return instance;
    }

    private static String logs() {
        StringBuilder tails = new StringBuilder();
        instances.forEach(instance -> tails.append('\n').append(instance.logTail()));
        return tails.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
