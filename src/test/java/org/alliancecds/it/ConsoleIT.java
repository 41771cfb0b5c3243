package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.testing.Folders;
import org.alliancecds.testing.RuleCatalogue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;

import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.CdsAssertions.card;
import static org.alliancecds.it.CdsAssertions.cards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser against the running service: sign in with the admin token, read the catalogue,
 * run scenario cases and see their cards, fired rules and chart, see a refused reload at its file and line, see
 * what clinicians answered to an EHR's cards in the feedback statistics, as an informaticist would; see the
 * Releases section say releases are off, this deployment running from its folder (the release workflow itself is
 * walked in {@link ReleasesIT}); and the admin API's protection over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final Path SCENARIOS = Path.of("rules/scenarios");
    private static final Path SERVED_RULES = Path.of("target/it-rules");
    private static final String SUICIDE_CASE = "SUICIDE-RISK-ITEM/in-item9-at-1.json";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);
    private static final Duration RELOAD_POLL = Duration.ofMillis(200);
    private static final String HOOK = "cds-services/" + HookRequest.PATIENT_VIEW;
    private static final String FEEDBACK_STATS = "admin/feedback-stats";
    private static final String ACCEPTED_RULE = "SUICIDE-RISK-ITEM";
    private static final String OVERRIDDEN_RULE = "SEVERE-SYMPTOM-SENSITIVITY";
    private static final String REASON = "patient-declined";
    private static final String HOSTILE_MARKUP = "<img src=x onerror=\"window.injected=1\">";

    private static Browser browser;

    @ArquillianResource
    private URL deployment;

    private CdsClient client;
    private CdsClient admin;
    private WebDriver driver;
    private ConsolePage page;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void startChromium() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        browser.close();
    }

    @BeforeEach
    void openTheConsoleSignedOut() {
        client = new CdsClient(deployment);
        admin = client.authorized("Bearer " + Deployments.ADMIN_TOKEN);
        driver = browser.driver();
        page = new ConsolePage(driver);
        page.openSignedOut(client.root());
    }

    @Test
    void theAdminApiAnswersOnlyWithTheToken() {
        CdsClient wrong = client.authorized("Bearer " + Deployments.ADMIN_TOKEN + "x");
        for (String path : List.of("admin/rule-base", "admin/catalogue", "admin/scenarios",
                "admin/scenarios/" + SUICIDE_CASE, FEEDBACK_STATS)) {
            assertEquals(401, client.get(path).status(), path);
            assertEquals(401, wrong.get(path).status(), path);
            assertEquals(200, admin.get(path).status(), path);
        }
        String body = read(SCENARIOS.resolve(SUICIDE_CASE));
        assertEquals(401, client.post("admin/try", body, CdsClient.JSON).status());
        Reply tried = admin.post("admin/try", body, CdsClient.JSON);
        assertEquals(200, tried.status(), tried::toString);
        assertTrue(tried.json().path("passed").asBoolean(), tried::toString);
        Set<String> served = new HashSet<>();
        admin.get("admin/catalogue").json().path("rules").forEach(rule -> served.add(rule.path("id").asText()));
        assertEquals(RuleCatalogue.ruleIds(), served);
        Reply console = client.get("console/");
        assertEquals(200, console.status());
        assertTrue(console.contentType().startsWith("text/html"), console.contentType());
        assertEquals(200, client.get("cds-services").status(), "the EHRs' API is not the admin API");
    }

    @Test
    void aWrongTokenIsRefusedAndTheConsoleStaysClosed() {
        page.signIn("not-the-token");
        WebElement message = page.await("#sign-in-status .message--error");
        assertTrue(message.getText().contains("refused"), message.getText());
        assertFalse(driver.findElement(By.id("content")).isDisplayed(), "the console stays closed");
    }

    @Test
    void anInformaticistRunsAScenarioCaseAndSeesItsCardRulesAndChart() {
        page.signIn(Deployments.ADMIN_TOKEN);
        page.await("#catalogue-table tr[data-rule='SUICIDE-RISK-ITEM']");
        assertEquals(RuleCatalogue.ruleIds().size(),
                driver.findElements(By.cssSelector("#catalogue-table tbody tr")).size());
        WebElement rule = driver.findElement(By.cssSelector("#catalogue-table tr[data-rule='SUICIDE-RISK-ITEM']"));
        assertTrue(rule.getText().contains("Item 9 of the PHQ-9 asks about thoughts"), rule.getText());
        assertEquals("Critical", rule.findElement(By.cssSelector(".indicator--critical")).getText());
        assertTrue(rule.getText().matches("(?s).*phq9\\.item9\\.positive = 1 .*reviewed \\d{4}-\\d{2}-\\d{2}.*"),
                rule.getText());
        assertEquals(status().path("version").asText(), driver.findElement(By.id("rule-base-version")).getText());

        page.runCase(SUICIDE_CASE);
        WebElement card = page.await("#cards article.card--critical");
        assertEquals("SUICIDE-RISK-ITEM", card.getDomAttribute("data-rule"));
        String summary = card.findElement(By.cssSelector(".card-summary")).getText();
        assertTrue(summary.startsWith("PHQ-9 item 9 (self-harm thoughts) scored 1 on ")
                && summary.endsWith(": assess suicide risk today"), summary);
        assertEquals("Critical", card.findElement(By.cssSelector(".indicator")).getText());
        assertEquals("Why this card", card.findElement(By.cssSelector(".card-detail strong")).getText());
        assertEquals("PHQ-9 item 9", card.findElement(By.cssSelector(".card-detail td")).getText());
        assertEquals("phq9.item9.positive", card.findElement(By.cssSelector(".card-detail code")).getText());
        assertTrue(card.findElement(By.cssSelector(".card-links a")).getDomAttribute("href")
                .startsWith("https://doi.org/"));
        WebElement fired = driver.findElement(By.cssSelector("#fired-table tr[data-rule='SUICIDE-RISK-ITEM']"));
        assertEquals("as-expected", fired.getDomAttribute("class"));
        assertTrue(fired.getText().contains("PHQ-9 item 9 1 on "), fired.getText());
        assertTrue(driver.findElement(By.cssSelector(".verdict")).getText().startsWith("Pass"));
        assertEquals(2, driver.findElements(By.cssSelector("#chart svg[role='img']")).size());
        assertEquals(1, driver.findElements(By.cssSelector("#chart-symptoms circle")).size(), "one PHQ-9 total");
        page.scrollTo("try-result");
        browser.screenshot(Path.of("target/console-screenshot.png"));
    }

    @Test
    void theChartDrawsTheAllianceTrajectoryAndSymptoms() {
        page.signIn(Deployments.ADMIN_TOKEN);
        // The former in-phq9-down-4-alliance-low, the same data: rule base 2.0 no longer reads its PHQ-9 drop before
        // session 6 as off track, and answers with the ALLIANCE-LOW-NOW card (info) only.
        page.runCase("NOT-ON-TRACK/out-no-change-before-session-6.json");
        page.await("#cards article.card--info");
        assertEquals(4, driver.findElements(By.cssSelector("#chart-alliance circle")).size(), "four SRS ratings");
        assertEquals(1, driver.findElements(By.cssSelector("#chart-alliance polyline")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#chart-symptoms circle")).size(), "two PHQ-9 totals");
        assertTrue(driver.findElement(By.cssSelector("#chart .legend")).getText().contains("SRS total (patient)"));
        assertTrue(driver.findElement(By.cssSelector("#chart-alliance .cut")).getText().contains("srs.total.low"));
        page.scrollTo("fired");
        browser.screenshot(Path.of("target/console-chart.png"));
        browser.fullPageScreenshot(Path.of("target/console-page.png"));
    }

    /**
     * A card the service made for a case, with markup where an EHR's values stand (the summary and the detail's
     * Source column), drawn by the console's own card code in the browser: the markup shows as text and makes no
     * element. (The console's Content-Security-Policy would stop an inline handler from running even then; the
     * elements are what is checked here.) The renderer's rules themselves are tested in src/test/js.
     */
    @Test
    void markupInACardsTextStaysTextInTheConsole() throws IOException {
        page.signIn(Deployments.ADMIN_TOKEN);
        ObjectNode card = hostileCard();

        Object drawn = drawInPage("import('./cards.js').then(({ renderCard }) => {"
                + " const article = renderCard(JSON.parse(arguments[0]), 99); article.id = 'hostile';"
                + " document.body.append(article); done(article.textContent); })", card.toString());

        assertTrue(String.valueOf(drawn).contains(HOSTILE_MARKUP), () -> "the markup as text: " + drawn);
        WebElement article = driver.findElement(By.id("hostile"));
        assertEquals(List.of(), article.findElements(By.cssSelector("img, script, svg")));
        assertEquals(List.of(), article.findElements(By.cssSelector("a[href^='javascript']")));
        String sourceCell = article.findElement(By.cssSelector(".card-detail tbody td:last-child")).getText();
        assertTrue(sourceCell.startsWith(HOSTILE_MARKUP), sourceCell);
    }

    /** Negative control: the same card text put into the page as HTML, not through the renderer, makes elements. */
    @Test
    void theSameMarkupWithoutTheRendererMakesElements() throws IOException {
        page.signIn(Deployments.ADMIN_TOKEN);
        ObjectNode card = hostileCard();

        drawInPage("const div = document.createElement('div'); div.id = 'raw';"
                + " div.innerHTML = JSON.parse(arguments[0]).detail; document.body.append(div); done(null);",
                card.toString());

        WebElement raw = driver.findElement(By.id("raw"));
        assertEquals(1, raw.findElements(By.cssSelector("img")).size());
    }

    /** The service's critical card for the suicide-risk case, with {@link #HOSTILE_MARKUP} in its EHR values. */
    private ObjectNode hostileCard() throws IOException {
        Reply tried = admin.post("admin/try", Reply.MAPPER.readTree(read(SCENARIOS.resolve(SUICIDE_CASE))));
        assertEquals(200, tried.status(), tried::toString);
        ObjectNode card = (ObjectNode) tried.json().path("cards").path(0);
        String detail = card.path("detail").asText();
        String source = "QuestionnaireResponse/";
        assertTrue(detail.contains("| " + source), detail);
        card.put("summary", HOSTILE_MARKUP + " " + card.path("summary").asText());
        card.put("detail", detail.replaceFirst("\\| " + source + "[^ |]*",
                "| " + Matcher.quoteReplacement(HOSTILE_MARKUP + " [x](javascript:window.injected=2)")));
        return card;
    }

    /** Runs {@code script} in the console page, which calls {@code done(value)}; returns that value. */
    private Object drawInPage(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + script, arguments);
    }

    @Test
    void aRefusedReloadIsShownAtItsFileAndLine() throws IOException {
        Path rule = SERVED_RULES.resolve("anxiety-perception.drl");
        String good = read(rule);
        page.signIn(Deployments.ADMIN_TOKEN);
        page.await("#rule-base-version");
        String lastReload = status().path("reloads").path(0).path("at").asText();
        try {
            Folders.replace(rule, good.replace("latest, value >=", "latest value >="));
            awaitReload(lastReload, reload -> !reload.path("accepted").asBoolean());
            driver.findElement(By.id("refresh-status")).click();
            WebElement refused = page.await("#reload-table tr.refused");
            String location = refused.findElement(By.cssSelector(".location")).getText();
            assertTrue(location.matches("anxiety-perception\\.drl:\\d+"), location);
            page.scrollTo("status");
            browser.screenshot(Path.of("target/console-reload.png"));
            String refusedAt = status().path("reloads").path(0).path("at").asText();
            Folders.replace(rule, good);
            awaitReload(refusedAt, reload -> reload.path("accepted").asBoolean());
        } finally {
            // whatever failed above, the served rules are the shipped ones again for the tests after this one
            Folders.replace(rule, good);
        }
    }

    /** This deployment runs from its folder, the default: the release workflow is off, and the console says so. */
    @Test
    void theReleasesSectionSaysReleasesAreOffWhenTheServiceRunsFromItsFolder() {
        assertOperationOutcome(admin.get("admin/releases"), 409);
        page.signIn(Deployments.ADMIN_TOKEN);
        WebElement off = page.await("#releases-off");
        assertTrue(off.getText().startsWith("Releases are off: the service runs from its folder."), off.getText());
        assertFalse(driver.findElement(By.id("releases-on")).isDisplayed(), "no release list, forms or history");
        assertEquals(List.of(), driver.findElements(By.cssSelector("#releases-status .message--error")));
    }

    @Test
    void theStatisticsShowEveryRuleAndTakeAWindow() {
        JsonNode all = feedbackStats(FEEDBACK_STATS);
        assertTrue(all.path("since").isNull(), all::toString);
        assertEquals(status().path("version").asText(), all.path("ruleBaseInService").asText());
        Set<String> catalogue = new HashSet<>();
        admin.get("admin/catalogue").json().path("rules").forEach(rule -> catalogue.add(rule.path("id").asText()));
        assertEquals(RuleCatalogue.ruleIds(), catalogue);
        assertTrue(ruleIds(all).containsAll(catalogue), () -> "rules missing from " + all);

        JsonNode future = feedbackStats(FEEDBACK_STATS + "?since=2999-01-01");
        assertEquals("2999-01-01T00:00:00Z", future.path("since").asText());
        assertTrue(ruleIds(future).containsAll(catalogue), "a rule without cards is a row of zeros");
        future.path("rules").forEach(rule -> assertEquals(0, rule.path("cardsShown").asLong(), rule::toString));
        assertOperationOutcome(admin.get(FEEDBACK_STATS + "?since=yesterday"), 400);
    }

    @Test
    void theStatisticsShowWhatCliniciansDidWithAnEhrsCards() {
        page.signIn(Deployments.ADMIN_TOKEN);
        page.await("#feedback-table tr[data-rule='" + ACCEPTED_RULE + "']");
        JsonNode before = feedbackStats(FEEDBACK_STATS);

        // The MII PHQ-9 as of today, whose two cards are answered here; as a user of its own, since an answered
        // card stays quiet for its user and patient (rule base 2.0) and other tests expect theirs.
        ObjectNode call = HookRequest.patientView(Corpus.PHQ9_PATIENT).user(HookRequest.freshUser())
                .prefetch("responses", HookRequest.searchset(Corpus.recentJson(Corpus.PHQ9)))
                .prefetchNull("observations").json();
        Reply answered = client.post(HOOK, call);
        assertEquals(200, answered.status(), answered::toString);
        JsonNode cards = cards(answered);
        ObjectNode override = Feedback.item(card(cards, OVERRIDDEN_RULE).path("uuid").asText(), "overridden");
        override.putObject("overrideReason").putObject("reason")
                .put("system", "https://alliance-cds.org/fhir/CodeSystem/override-reasons").put("code", REASON);
        Reply feedback = client.post(HOOK + "/feedback", Feedback.of(
                Feedback.item(card(cards, ACCEPTED_RULE).path("uuid").asText(), "accepted"), override));
        assertEquals(200, feedback.status(), feedback::toString);

        List<Long> accepted = plus(counts(before, ACCEPTED_RULE), 1, 1, 0, 0);
        List<Long> overridden = plus(counts(before, OVERRIDDEN_RULE), 1, 0, 1, 1);
        JsonNode after = awaitFeedbackStats(stats -> counts(stats, ACCEPTED_RULE).equals(accepted)
                && counts(stats, OVERRIDDEN_RULE).equals(overridden));

        driver.findElement(By.cssSelector("nav a[href='#feedback']")).click();
        String row = "#feedback-table tr[data-rule='%s'] ";
        page.awaitText(row.formatted(ACCEPTED_RULE) + ".shown", String.valueOf(accepted.get(0)));
        page.awaitText(row.formatted(OVERRIDDEN_RULE) + ".shown", String.valueOf(overridden.get(0)));
        for (String rule : List.of(ACCEPTED_RULE, OVERRIDDEN_RULE)) {
            WebElement shown = driver.findElement(By.cssSelector(row.formatted(rule)));
            JsonNode expected = rule(after, rule);
            assertEquals(List.of(expected.path("cardsShown").asText(), expected.path("accepted").asText(),
                            expected.path("overridden").asText()),
                    List.of(shown.findElement(By.cssSelector(".shown")).getText(),
                            shown.findElement(By.cssSelector(".accepted")).getText(),
                            shown.findElement(By.cssSelector(".overridden")).getText()), rule);
            assertTrue(shown.findElement(By.cssSelector(".rate")).getText().endsWith("%"), shown::getText);
        }
        WebElement reason = driver.findElement(By.cssSelector(row.formatted(OVERRIDDEN_RULE)
                + "li[data-reason='" + REASON + "']"));
        assertEquals("Patient declined " + overridden.get(3), reason.getText());
        assertTrue(driver.findElement(By.cssSelector(row.formatted(ACCEPTED_RULE) + ".rule-title")).getText()
                .length() > 0, "the catalogue's title is shown");
        assertEquals(after.path("rules").size(),
                driver.findElements(By.cssSelector("#feedback-table tbody tr")).size(), "a row per rule");
        page.script("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.cssSelector(row.formatted(OVERRIDDEN_RULE))));
        browser.screenshot(Path.of("target/console-feedback.png"));
    }

    private JsonNode feedbackStats(String path) {
        Reply reply = admin.get(path);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The statistics once they satisfy the condition; the audit writes after the answer. */
    private JsonNode awaitFeedbackStats(Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(AuditTables.PATIENCE);
        JsonNode stats = feedbackStats(FEEDBACK_STATS);
        while (!condition.test(stats)) {
            assertTrue(Instant.now().isBefore(deadline), "not in the statistics within " + AuditTables.PATIENCE
                    + ": " + stats);
            pause();
            stats = feedbackStats(FEEDBACK_STATS);
        }
        return stats;
    }

    private static JsonNode rule(JsonNode stats, String id) {
        for (JsonNode rule : stats.path("rules")) {
            if (id.equals(rule.path("id").asText())) {
                return rule;
            }
        }
        throw new AssertionError("no " + id + " in " + stats);
    }

    /** Cards shown, accepted, overridden, and overridden for {@link #REASON}. */
    private static List<Long> counts(JsonNode stats, String id) {
        JsonNode rule = rule(stats, id);
        long forReason = 0;
        for (JsonNode reason : rule.path("reasons")) {
            if (REASON.equals(reason.path("code").asText())) {
                forReason = reason.path("count").asLong();
            }
        }
        return List.of(rule.path("cardsShown").asLong(), rule.path("accepted").asLong(),
                rule.path("overridden").asLong(), forReason);
    }

    private static List<Long> plus(List<Long> counts, long... more) {
        List<Long> sums = new ArrayList<>();
        for (int index = 0; index < counts.size(); index++) {
            sums.add(counts.get(index) + more[index]);
        }
        return sums;
    }

    private static Set<String> ruleIds(JsonNode stats) {
        Set<String> ids = new HashSet<>();
        stats.path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
        return ids;
    }

    private JsonNode status() {
        Reply reply = admin.get("admin/rule-base");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Waits for a reload newer than the one at {@code after} that satisfies {@code outcome}. */
    private void awaitReload(String after, Predicate<JsonNode> outcome) {
        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        JsonNode newest = status().path("reloads").path(0);
        while (newest.path("at").asText().equals(after) || !outcome.test(newest)) {
            assertTrue(Instant.now().isBefore(deadline), "no such reload within " + RELOAD_WAIT + ": " + newest);
            pause();
            newest = status().path("reloads").path(0);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RELOAD_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read", e);
        }
    }
}
