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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * The instances form a {@link TestCluster}. Both are given the same {@code cds.public-base-url}, as a load
 * balancer's URL, so that a token's {@code aud} is valid on either.
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
    private static final Duration CLUSTER_FORMED = Duration.ofMinutes(1);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    // Payara's "Data Grid Status", logged by each member whenever the membership changes.
    private static final Pattern TWO_MEMBERS = Pattern.compile("DG Size: 2\\b");
    private static final Pattern REPLAY_REFUSED = Pattern.compile("401 for POST /" + HOOK + ": failed check 'replayed jti'");

    private static final String USER = "Practitioner/cluster-it-therapist";
    private static final String OTHER_USER = "Practitioner/cluster-it-colleague";

    private static TestCluster cluster;
    private static PayaraMicroProcess a;
    private static PayaraMicroProcess b;

    @BeforeAll
    static void startTwoClusteredInstances() throws IOException {
        Folders.delete(HOME);
        Folders.copy(Path.of(System.getProperty("alliance.basedir"), "rules"), RULES);
        cluster = new TestCluster(HOME, 2);
        a = start("instance-a", 0);
        b = start("instance-b", 1);
        for (PayaraMicroProcess instance : cluster.instances()) {
            instance.awaitReady(TestCluster.START);
        }
        for (PayaraMicroProcess instance : cluster.instances()) {
            instance.awaitLog(TWO_MEMBERS, CLUSTER_FORMED);
        }
    }

    /** Stops both; their logs stay, their runtime copies (some 250 MB each) go. */
    @AfterAll
    static void stopThem() throws IOException {
        cluster.close();
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
        return TestCluster.client(instance);
    }

    private static PayaraMicroProcess start(String name, int member) throws IOException {
        String basedir = System.getProperty("alliance.basedir");
        return cluster.start(name, member, List.of(
                "-Dcds.rules.dir=" + RULES.toAbsolutePath(), "-Dcds.reload.interval-ms=300",
                "-Dcds.profiles.dir=" + Path.of(basedir, "fhir-profiles"),
                "-Dcds.trusted-issuers=" + Path.of(basedir, "target/test-classes/trusted-issuers.json"),
                "-Dcds.public-base-url=" + PUBLIC_BASE,
                "-Dcds.admin.token=" + Deployments.ADMIN_TOKEN,
                "-Dcds.view.redirect-uri=/view/callback"));
    }

    private static String logs() {
        return cluster.logs();
    }

    private static void pause() {
        TestCluster.pause(200);
    }
}
