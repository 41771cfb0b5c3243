package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.Folders;
import org.alliancecds.testing.PayaraMicroProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.alliancecds.it.QuietCalls.WEAKEST_BOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release workflow on a two-instance cluster running from releases ({@code cds.rules.source=releases}), step by
 * step as an informaticist takes it: the first instance installs the deployed folders as the first release; a
 * broken folder is refused with the check's file and line; a changed folder becomes a release, runs in shadow while
 * both instances take calls, and its differences from both are read per rule; it is activated, then rolled back,
 * while calls flow to both instances, none failing and each answered by one release; a restarted instance serves the
 * active release, not its folder; the release exports as FHIR; every step is listed with who, when and why.
 * <p>
 * The informaticist takes the steps in the console on instance A, in Chromium, as far as it offers them: the
 * release list, a broken folder refused at its file and line, the candidate created from the folder, its shadow
 * report, the shadow stopped, activation and roll-back with a comment, and the history. Starting the shadow run goes
 * through instance B's API, so the steps are seen to be shared across the cluster. Screenshots in target/:
 * console-release-refused.png, console-shadow-report.png, console-releases.png and console-releases-history.png.
 * <p>
 * The instances share the run's audit database (where releases live) and form one Hazelcast cluster as in
 * {@link ClusterIT}; their admin credential is the ITs' named one ({@code it-informaticist}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleasesIT {

    private static final Path HOME = Path.of("target/releases-it");
    private static final Path RULES = HOME.resolve("rules");
    private static final String HOOK = "cds-services/" + HookRequest.PATIENT_VIEW;
    private static final String ADMIN = "it-informaticist";
    private static final Duration SWITCH = Duration.ofSeconds(40);
    private static final String SHADOW_ROW = "#shadow-table tr[data-rule='ALLIANCE-LOW-NOW']";
    private static final Pattern TWO_MEMBERS = Pattern.compile("DG Size: 2\\b");
    private static final String BOND_ACTION = "show acceptance and empathy";
    private static final String CANDIDATE_ACTION = "show acceptance and warmth";
    /** Creating a release runs the rules check, every scenario case included, on two shared cores. */
    private static final Duration CHECK = Duration.ofMinutes(2);

    private static TestCluster cluster;
    private static PayaraMicroProcess a;
    private static PayaraMicroProcess b;
    private static String installed;
    private static String candidate;
    private static String original;
    private static Browser browser;
    private static ConsolePage page;

    @BeforeAll
    static void startTwoInstancesFromReleases() throws IOException {
        Folders.delete(HOME);
        Folders.copy(Path.of(System.getProperty("alliance.basedir"), "rules"), RULES);
        original = Files.readString(RULES.resolve("alliance-low-now.drl"));
        cluster = new TestCluster(HOME, 2);
        a = start("releases-a", 0);
        b = start("releases-b", 1);
        a.awaitReady(TestCluster.START);
        b.awaitReady(TestCluster.START);
        a.awaitLog(TWO_MEMBERS, TestCluster.START);
    }

    @AfterAll
    static void stopThem() throws IOException {
        if (browser != null) {
            browser.close();
        }
        cluster.close();
    }

    @Test
    @Order(1)
    void theFirstInstanceInstallsTheDeployedFoldersAsTheActiveReleaseForBoth() {
        JsonNode overview = TestCluster.admin(a).get("admin/releases").json();
        installed = overview.path("active").asText();
        JsonNode first = release(overview, installed);
        assertEquals("active", first.path("state").asText(), overview::toString);
        assertEquals("installation", first.path("createdBy").asText());
        assertTrue(first.path("contentHash").asText().matches("[0-9a-f]{64}"), first::toString);
        awaitServing(installed);

        WebDriver driver = console();
        awaitState(installed, "active");
        WebElement row = driver.findElement(By.cssSelector(releaseRow(installed)));
        assertEquals(List.of(), row.findElements(By.cssSelector("button[data-step]")), "the active one offers no step");
        assertTrue(row.getText().contains("installation"), row::getText);
        List<WebElement> live = driver.findElements(By.cssSelector("#instance-table tr.live .serving"));
        assertTrue(live.size() >= 2, "both instances listed");
        live.forEach(serving -> assertEquals(installed, serving.getText()));
    }

    @Test
    @Order(2)
    void aFolderThatFailsTheRulesCheckIsRefusedWithItsFileAndLine() throws IOException {
        Folders.replace(RULES.resolve("alliance-low-now.drl"), original.replace("@priority(", "@priority(("));
        Folders.replace(RULES.resolve("VERSION"), "99.0.0\n");
        try {
            WebDriver driver = console();
            driver.findElement(By.id("create-comment")).sendKeys("try a broken edit");
            driver.findElement(By.id("create-submit")).click();
            page.awaitContaining("#create-result", "Refused (HTTP 422): release 99.0.0 not created", CHECK);
            List<String> locations = driver.findElements(By.cssSelector("#create-result .problems .location"))
                    .stream().map(WebElement::getText).toList();
            assertTrue(locations.stream().anyMatch(at -> at.matches("rules/alliance-low-now\\.drl:\\d+(:\\d+)?")),
                    () -> text("#create-result"));
            List<String> listed = driver.findElements(By.cssSelector("#create-result .problems li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(new HashSet<>(listed).size(), listed.size(), () -> "each problem once: " + listed);
            page.scrollTo("create-release-form");
            browser.screenshot(Path.of("target/console-release-refused.png"));
        } finally {
            Folders.replace(RULES.resolve("alliance-low-now.drl"), original);
            Folders.replace(RULES.resolve("VERSION"), installed + "\n");
        }
        assertEquals(400, TestCluster.admin(a).post("admin/releases", JsonNodeFactory.instance.objectNode()).status(),
                "a release without a comment");
    }

    @Test
    @Order(3)
    void aChangedFolderBecomesADraftReleaseWithItsVersion() throws IOException {
        candidate = nextMinor(installed);
        Folders.replace(RULES.resolve("alliance-low-now.drl"), original.replace(BOND_ACTION, CANDIDATE_ACTION));
        Folders.replace(RULES.resolve("VERSION"), candidate + "\n");
        WebDriver driver = console();
        WebElement create = driver.findElement(By.id("create-submit"));
        WebElement why = driver.findElement(By.id("create-comment"));
        // the refused attempt's comment is still there, as it is for a person correcting the folder: typed away
        why.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        assertFalse(create.isEnabled(), "no release without a comment");
        why.sendKeys("warmer wording for a low bond");
        create.click();
        page.awaitContaining("#create-result", "Created " + candidate + " (draft)", CHECK);
        awaitState(candidate, "draft");
        JsonNode created = release(TestCluster.admin(a).get("admin/releases").json(), candidate);
        assertEquals("draft", created.path("state").asText());
        assertEquals(ADMIN, created.path("createdBy").asText());
        assertEquals("warmer wording for a low bond", created.path("comment").asText());
        // the folder goes back: from now on what serves comes from the database, not from any folder
        Folders.replace(RULES.resolve("alliance-low-now.drl"), original);
        Folders.replace(RULES.resolve("VERSION"), installed + "\n");
        assertEquals(409, TestCluster.admin(a).post("admin/releases", comment("the same version again")).status());
    }

    @Test
    @Order(4)
    void inShadowTheCandidatesDifferencesFromBothInstancesAreReadPerRule() {
        Reply started = TestCluster.admin(b).post("admin/releases/" + candidate + "/shadow",
                comment("try it on real calls"));
        assertEquals(200, started.status(), started::toString);
        // each instance takes the candidate up on its next poll, and writes what it compared on the one after:
        // calls go to both until the report holds differences from both
        JsonNode report = await(() -> {
            assertLiveAnswer(hook(a), installed);
            assertLiveAnswer(hook(b), installed);
            return TestCluster.admin(a).get("admin/releases/" + candidate + "/shadow").json();
        }, json -> json.path("comparedCalls").asLong() >= 6 && rule(json, "ALLIANCE-LOW-NOW") != null
                && instancesOf(rule(json, "ALLIANCE-LOW-NOW")).size() == 2, "the shadow report");
        JsonNode allianceLow = rule(report, "ALLIANCE-LOW-NOW");
        assertTrue(allianceLow.path("counts").path("summary").asLong() >= 2, allianceLow::toString);
        assertEquals(report.path("comparedCalls").asLong(), report.path("differingCalls").asLong(),
                "every call fired the changed card");
        JsonNode example = allianceLow.path("examples").get(0);
        assertTrue(example.path("live").asText().contains(BOND_ACTION), example::toString);
        assertTrue(example.path("candidate").asText().contains(CANDIDATE_ACTION), example::toString);
        assertTrue(example.path("patient").asText().matches("[0-9a-f]{64}"), "a pseudonym, not the id");
        // the summaries as the rules write them: the patient's rating and its date are not kept
        assertTrue(example.path("live").asText().contains("({$low} on {$low@date})"), example::toString);

        WebDriver driver = console();
        awaitState(candidate, "shadow");
        // the section reads again now and then while a candidate is in shadow: each element is found afresh
        page.await(SHADOW_ROW);
        String headline = driver.findElement(By.id("shadow-headline")).getText();
        assertTrue(Pattern.compile("\\d+ of \\d+ compared calls differ \\(\\d+ %\\) with " + Pattern.quote(candidate))
                .matcher(headline).lookingAt(), headline);
        assertTrue(Long.parseLong(text(SHADOW_ROW + " .change-summary")) >= 2, () -> text(SHADOW_ROW));
        driver.findElement(By.cssSelector(SHADOW_ROW + " details summary")).click();
        assertTrue(text(SHADOW_ROW + " .compare .live").contains(BOND_ACTION), () -> text(SHADOW_ROW));
        assertTrue(text(SHADOW_ROW + " .compare .candidate").contains(CANDIDATE_ACTION), () -> text(SHADOW_ROW));
        page.scrollTo("shadow-heading");
        browser.screenshot(Path.of("target/console-shadow-report.png"));

        step("stop-shadow", candidate, "seen enough", "shadow stopped " + candidate);
        assertTrue(TestCluster.admin(a).get("admin/releases").json().path("shadow").isMissingNode(),
                "no candidate in shadow");
    }

    @Test
    @Order(5)
    void activationSwitchesBothInstancesTogetherWithoutAFailedCall() {
        console();
        try (Traffic traffic = traffic()) {
            step("activate", candidate, "reviewed", "activated " + candidate);
            awaitServing(candidate);
            assertEveryCallAnsweredByOneOf(traffic, installed, candidate);
        }
        // the console reads again by itself until the switch is over
        awaitState(candidate, "active");
        awaitState(installed, "retired");
    }

    @Test
    @Order(6)
    void aRestartedInstanceServesTheActiveReleaseNotItsFolder() throws IOException {
        cluster.stop(b);
        b = start("releases-b", 1);
        b.awaitReady(TestCluster.START);
        assertTrue(ruleBaseVersion(b).startsWith(candidate + "+"), "its folder says " + installed);
        assertTrue(cards(hook(b)).contains(CANDIDATE_ACTION), "the restarted instance answers with the release");
    }

    @Test
    @Order(7)
    void aRollBackIsServedByBothWithinSecondsWithoutAFailedCall() {
        assertEquals(409, TestCluster.admin(a).post("admin/releases/" + candidate + "/rollback",
                comment("not back")).status(),
                "a roll-back to the release in service");
        console();
        awaitState(candidate, "active");
        try (Traffic traffic = traffic()) {
            step("rollback", installed, "complaints", "rolled back to " + installed);
            awaitServing(installed);
            assertEveryCallAnsweredByOneOf(traffic, installed, candidate);
        }
        JsonNode overview = TestCluster.admin(a).get("admin/releases").json();
        assertEquals("retired", release(overview, candidate).path("state").asText());
    }

    @Test
    @Order(8)
    void everyStepIsListedWithWhoWhenAndWhy() {
        JsonNode history = TestCluster.admin(a).get("admin/releases/" + candidate).json().path("history");
        List<String> steps = new ArrayList<>();
        history.forEach(step -> {
            steps.add(step.path("action").asText());
            assertEquals(ADMIN, step.path("admin").asText(), step::toString);
            assertTrue(!step.path("comment").asText().isBlank() && !step.path("at").asText().isBlank(),
                    step::toString);
        });
        assertEquals(List.of("activated", "shadow-stopped", "shadow-started", "created"), steps);
        JsonNode all = TestCluster.admin(a).get("admin/releases").json().path("history");
        assertEquals("rolled-back", all.get(0).path("action").asText(), all::toString);
        assertEquals("complaints", all.get(0).path("comment").asText());

        WebDriver driver = console();
        awaitState(installed, "active");
        for (List<String> step : List.of(List.of("rolled-back", installed, "complaints"),
                List.of("activated", candidate, "reviewed"), List.of("shadow-stopped", candidate, "seen enough"))) {
            WebElement row = driver.findElement(By.cssSelector("#release-history-table tr[data-action='"
                    + step.get(0) + "'][data-version='" + step.get(1) + "']"));
            assertEquals(ADMIN, row.findElement(By.cssSelector(".who")).getText(), row::getText);
            assertEquals(step.get(2), row.findElement(By.cssSelector(".why")).getText(), row::getText);
        }
        page.scrollTo("releases");
        browser.screenshot(Path.of("target/console-releases.png"));
        page.scrollTo("release-history-heading");
        browser.screenshot(Path.of("target/console-releases-history.png"));
    }

    @Test
    @Order(9)
    void aReleaseExportsAsFhirKnowledgeArtifacts() {
        Reply bundle = TestCluster.admin(a).get("admin/releases/" + candidate + "/fhir", "application/fhir+json");
        assertEquals(200, bundle.status(), bundle::toString);
        assertTrue(bundle.contentType().startsWith("application/fhir+json"), bundle.contentType());
        JsonNode json = bundle.json();
        assertEquals("Bundle", json.path("resourceType").asText());
        Set<String> types = new HashSet<>();
        json.path("entry").forEach(entry -> types.add(entry.path("resource").path("resourceType").asText()));
        assertEquals(Set.of("Library", "PlanDefinition"), types);
        assertEquals(404, TestCluster.admin(a).get("admin/releases/9.9.9/fhir", "application/fhir+json").status());
    }

    /** Instance A's console, signed in on first use and its Releases section read again after. */
    private static WebDriver console() {
        if (browser == null) {
            try {
                browser = Browser.start();
            } catch (IOException e) {
                throw new AssertionError("Chromium did not start", e);
            }
            page = new ConsolePage(browser.driver());
            page.openSignedOut(a.root());
            page.signIn(Deployments.ADMIN_TOKEN);
        } else {
            // the click starts the read at once (aria-busy="true"); what is found after it ends is the new table
            browser.driver().findElement(By.id("refresh-releases")).click();
        }
        page.awaitAttribute("#releases", "aria-busy", "false");
        page.await("#release-table");
        return browser.driver();
    }

    private static String text(String cssSelector) {
        return browser.driver().findElement(By.cssSelector(cssSelector)).getText();
    }

    private static String releaseRow(String version) {
        return "#release-table tr[data-version='" + version + "']";
    }

    private static void awaitState(String version, String state) {
        page.awaitText(releaseRow(version) + " .state", state);
    }

    /** A step in the console: the release's button, a comment (none, no step), and the console's record of it. */
    private static void step(String step, String version, String why, String recorded) {
        WebDriver driver = browser.driver();
        page.awaitAttribute("#releases", "aria-busy", "false");
        driver.findElement(By.cssSelector(releaseRow(version) + " button[data-step='" + step + "']")).click();
        WebElement submit = page.await("#step-submit");
        assertFalse(submit.isEnabled(), "no step without a comment");
        driver.findElement(By.id("step-comment")).sendKeys(why);
        assertTrue(submit.isEnabled(), "a comment makes the step possible");
        submit.click();
        page.awaitContaining("#releases-status", "Recorded: " + recorded + " by " + ADMIN, SWITCH);
    }

    private static ObjectNode comment(String why) {
        return JsonNodeFactory.instance.objectNode().put("comment", why);
    }

    /** A call that fires ALLIANCE-LOW-NOW's bond variant, for a patient of its own (so no quiet period applies). */
    private static Reply hook(PayaraMicroProcess instance) {
        return TestCluster.client(instance).post(HOOK, QuietCalls.request(WEAKEST_BOND, QuietCalls.newPatient(),
                "Practitioner/releases-it"));
    }

    private static String cards(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("cards").toString();
    }

    /** A 200 whose cards all come from one rule base, of the release expected. */
    private static void assertLiveAnswer(Reply reply, String release) {
        assertEquals(Set.of(release), releasesOf(reply), reply::toString);
    }

    private static Set<String> releasesOf(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        Set<String> releases = new HashSet<>();
        reply.json().path("cards").forEach(card -> releases.add(card.path("extension")
                .path("org.alliance-cds.rule-base-version").asText().replaceAll("\\+.*", "")));
        return releases;
    }

    private static void awaitServing(String release) {
        for (PayaraMicroProcess instance : cluster.instances()) {
            await(() -> ruleBaseVersion(instance), version -> version.startsWith(release + "+"),
                    instance.name() + " serving " + release);
        }
        JsonNode listed = TestCluster.admin(a).get("admin/releases").json().path("instances");
        long serving = 0;
        for (JsonNode instance : listed) {
            if (instance.path("live").asBoolean() && release.equals(instance.path("serving").asText())) {
                serving++;
            }
        }
        assertTrue(serving >= 2, () -> "the console's instance list: " + listed);
    }

    private static JsonNode release(JsonNode overview, String version) {
        for (JsonNode release : overview.path("releases")) {
            if (version.equals(release.path("version").asText())) {
                return release;
            }
        }
        throw new AssertionError("no release " + version + " in " + overview);
    }

    private static JsonNode rule(JsonNode report, String ruleId) {
        for (JsonNode rule : report.path("rules")) {
            if (ruleId.equals(rule.path("rule").asText())) {
                return rule;
            }
        }
        return null;
    }

    private static Set<String> instancesOf(JsonNode rule) {
        Set<String> names = new HashSet<>();
        rule.path("examples").forEach(example -> names.add(example.path("instance").asText()));
        return names;
    }

    private static String nextMinor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
    }

    private static String ruleBaseVersion(PayaraMicroProcess instance) {
        Reply reply = TestCluster.admin(instance).get("admin/rule-base");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("version").asText();
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(SWITCH);
        T value = read.get();
        while (!done.test(value)) {
            T last = value;
            assertTrue(Instant.now().isBefore(deadline), () -> what + " within " + SWITCH + "; last: " + last
                    + logs());
            TestCluster.pause(200);
            value = read.get();
        }
        return value;
    }

    private static PayaraMicroProcess start(String name, int member) throws IOException {
        String basedir = System.getProperty("alliance.basedir");
        return cluster.start(name, member, List.of(
                "-Dcds.rules.source=releases", "-Dcds.releases.poll-ms=500", "-Dcds.releases.switch-delay-ms=3000",
                "-Dcds.instance.name=" + name,
                "-Dcds.rules.dir=" + RULES.toAbsolutePath(),
                "-Dcds.profiles.dir=" + Path.of(basedir, "fhir-profiles"),
                "-Dcds.trusted-issuers=" + Path.of(basedir, "target/test-classes/trusted-issuers.json"),
                "-Dcds.public-base-url=" + CdsClient.PUBLIC_BASE,
                "-Dcds.admin.credentials=" + Path.of(basedir, "src/test/resources/admin-credentials.json")));
    }

    private static String logs() {
        return cluster.logs();
    }

    /**
     * Calls to both instances in turn while a switch happens: every one answered, each answer's cards from one
     * release, one of those named.
     */
    private static Traffic traffic() {
        return new Traffic(call -> hook(cluster.instances().get(call % cluster.instances().size())));
    }

    private static void assertEveryCallAnsweredByOneOf(Traffic traffic, String... releases) {
        for (Reply reply : traffic.stopAndCheckNoneFailed()) {
            Set<String> answeredBy = releasesOf(reply);
            assertEquals(1, answeredBy.size(), reply::toString);
            assertTrue(Set.of(releases).containsAll(answeredBy), reply::toString);
        }
    }
}
