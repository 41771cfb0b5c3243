package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser against the running service: sign in with the admin token, read the catalogue,
 * run scenario cases and see their cards, fired rules and chart, see a refused reload at its file and line, as an
 * informaticist would; and the admin API's protection over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final Path SCENARIOS = Path.of("rules/scenarios");
    private static final Path SERVED_RULES = Path.of("target/it-rules");
    private static final String SUICIDE_CASE = "SUICIDE-RISK-ITEM/in-item9-at-1.json";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);
    private static final Duration RELOAD_POLL = Duration.ofMillis(200);

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
                "admin/scenarios/" + SUICIDE_CASE)) {
            assertEquals(401, client.get(path).status(), path);
            assertEquals(401, wrong.get(path).status(), path);
            assertEquals(200, admin.get(path).status(), path);
        }
        String body = read(SCENARIOS.resolve(SUICIDE_CASE));
        assertEquals(401, client.post("admin/try", body, CdsClient.JSON).status());
        Reply tried = admin.post("admin/try", body, CdsClient.JSON);
        assertEquals(200, tried.status(), tried::toString);
        assertTrue(tried.json().path("passed").asBoolean(), tried::toString);
        assertEquals(17, admin.get("admin/catalogue").json().path("rules").size());
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
        assertEquals(17, driver.findElements(By.cssSelector("#catalogue-table tbody tr")).size());
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
        page.runCase("NOT-ON-TRACK/in-phq9-down-4-alliance-low.json");
        page.await("#cards article.card--warning");
        assertEquals(4, driver.findElements(By.cssSelector("#chart-alliance circle")).size(), "four SRS ratings");
        assertEquals(1, driver.findElements(By.cssSelector("#chart-alliance polyline")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#chart-symptoms circle")).size(), "two PHQ-9 totals");
        assertTrue(driver.findElement(By.cssSelector("#chart .legend")).getText().contains("SRS total (patient)"));
        assertTrue(driver.findElement(By.cssSelector("#chart-alliance .cut")).getText().contains("srs.total.low"));
        page.scrollTo("fired");
        browser.screenshot(Path.of("target/console-chart.png"));
        browser.fullPageScreenshot(Path.of("target/console-page.png"));
    }

    @Test
    void patientDerivedTextInACardStaysText() throws IOException {
        page.signIn(Deployments.ADMIN_TOKEN);
        ObjectNode scenario = (ObjectNode) Reply.MAPPER.readTree(read(SCENARIOS.resolve(SUICIDE_CASE)));
        String hostile = "<img src=x onerror=\"window.injected=1\">";
        ((ObjectNode) scenario.at("/request/prefetch/responses/entry/0/resource")).put("id", hostile);
        page.runPasted(scenario.toString());
        WebElement card = page.await("#cards article.card--critical");
        assertTrue(card.getText().contains("QuestionnaireResponse with an invalid id"), card.getText());
        assertFalse(card.getText().contains("onerror"), "the sender's markup never reaches the card");
        assertEquals(0, driver.findElements(By.cssSelector("#try-result img")).size());
        assertNull(page.script("return window.injected"));
    }

    @Test
    void aRefusedReloadIsShownAtItsFileAndLine() throws IOException {
        Path rule = SERVED_RULES.resolve("anxiety-perception.drl");
        String good = read(rule);
        page.signIn(Deployments.ADMIN_TOKEN);
        page.await("#rule-base-version");
        String lastReload = status().path("reloads").path(0).path("at").asText();
        try {
            Files.writeString(rule, good.replace("latest, value >=", "latest value >="));
            awaitReload(lastReload, reload -> !reload.path("accepted").asBoolean());
            driver.findElement(By.id("refresh-status")).click();
            WebElement refused = page.await("#reload-table tr.refused");
            String location = refused.findElement(By.cssSelector(".location")).getText();
            assertTrue(location.matches("anxiety-perception\\.drl:\\d+"), location);
            page.scrollTo("status");
            browser.screenshot(Path.of("target/console-reload.png"));
            String refusedAt = status().path("reloads").path(0).path("at").asText();
            Files.writeString(rule, good);
            awaitReload(refusedAt, reload -> reload.path("accepted").asBoolean());
        } finally {
            // whatever failed above, the served rules are the shipped ones again for the tests after this one
            Files.writeString(rule, good);
        }
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
            throw new AssertionError("interrupted while waiting for a reload", e);
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
