package org.alliancecds.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinician view's page in Debian's Chromium at 1280×800, against the fixtures of
 * {@code src/test/resources/view/} ({@link ViewPageServer}; no SMART launch here): what it shows, where it opens,
 * its states, its tables by keyboard, and its print layout. Screenshots and the A4 print go to {@code target/}.
 */
class ClinicianViewPageIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ViewPageServer server;
    private static Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        server = ViewPageServer.start();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        server.close();
    }

    @BeforeEach
    void driver() {
        driver = browser.driver();
        wait = new WebDriverWait(driver, WAIT);
    }

    private void open(int status, Object body, String readyWhen) {
        server.answer(status, body);
        driver.get(server.pageUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(readyWhen)));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private List<String> sections() {
        return driver.findElements(By.cssSelector("#content > section")).stream()
                .map(section -> section.getDomAttribute("id")).toList();
    }

    private int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    @Test
    void opensOnTheSymptomsOfTheCardTheClinicianCameFrom() {
        open(200, ViewPageServer.fixture("patient-trajectory.json"), "#symptoms");
        assertEquals(List.of("cards", "symptoms", "alliance", "episodes"), sections());
        WebElement card = driver.findElement(By.cssSelector("#cards article"));
        assertEquals("NOT-ON-TRACK", card.getDomAttribute("data-rule"));
        assertTrue(card.getDomAttribute("class").contains("card--focused"));
        assertTrue(card.findElement(By.cssSelector(".card-why")).getText().contains("PHQ-9 total 16 → 22"));
        assertEquals("symptoms-heading", js("return document.activeElement.id"));
        assertEquals(4, count("svg[role='img'][aria-labelledby][aria-describedby]"));
        assertEquals(12, count("#chart-symptom-0 .series circle"), "twelve PHQ-9 totals");
        assertEquals(1, count("#chart-symptom-0 .point--worse"), "the last one reliably worse");
        assertEquals(List.of(1, 1, 2), List.of(count("#chart-symptom-0 .band"), count("#chart-symptom-0 .caseness"),
                count("#chart-symptom-0 .mark")));
        assertEquals(1, count("#chart-alliance .series.dashed"), "the therapist's rating");
        assertTrue(driver.findElement(By.cssSelector("#chart-symptom-0 desc")).getAttribute("textContent")
                .contains("reliably worse"));
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no horizontal scrolling at 1280×800");
        browser.screenshot(Path.of("target/clinician-view.png"));
        browser.fullPageScreenshot(Path.of("target/clinician-view-page.png"));
    }

    @Test
    void withoutAFocusTheOverviewOpensWithTheAllianceFirstAndNoCardSingledOut() {
        ObjectNode overview = ViewPageServer.fixture("patient-trajectory.json");
        overview.putNull("focus");
        open(200, overview, "#alliance");
        assertEquals(List.of("cards", "alliance", "symptoms", "episodes"), sections());
        assertEquals(0, count(".card--focused"));
        assertEquals("BODY", js("return document.activeElement.tagName"));
    }

    @Test
    void everyChartHasATableThatTheKeyboardOpens() {
        open(200, ViewPageServer.fixture("patient-trajectory.json"), "#symptoms");
        WebElement toggle = driver.findElement(By.cssSelector("#chart-symptom-0-panel .table-toggle"));
        assertEquals(4, count(".table-toggle"));
        Actions keys = new Actions(driver);
        for (int i = 0; i < 30 && !toggle.equals(driver.switchTo().activeElement()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(toggle, driver.switchTo().activeElement(), "the toggle is reached with Tab");
        keys.sendKeys(Keys.ENTER).perform();
        WebElement table = driver.findElement(By.id("chart-symptom-0-data"));
        assertTrue(table.isDisplayed());
        assertEquals("true", toggle.getDomAttribute("aria-expanded"));
        assertTrue(table.findElement(By.tagName("caption")).getText().startsWith("PHQ-9 total per session"));
        assertEquals(7, table.findElements(By.cssSelector("thead th[scope='col']")).size());
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertEquals(12, rows.size());
        assertEquals("2026-11-09 2 9 22 +6 reliably worse case", rows.get(11).getText());
    }

    @Test
    void printedTheTablesShowAndTheButtonsDoNot() throws Exception {
        open(200, ViewPageServer.fixture("patient-trajectory.json"), "#symptoms");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertTrue(driver.findElements(By.cssSelector(".table-wrap")).stream().allMatch(WebElement::isDisplayed));
            assertTrue(driver.findElements(By.cssSelector("button, #page-nav")).stream()
                    .noneMatch(WebElement::isDisplayed));
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27,
                "paperHeight", 11.69, "printBackground", true, "preferCSSPageSize", true));
        Files.write(Path.of("target/clinician-view-a4.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
    }

    @Test
    void noMeasuresSayWhatToMeasure() {
        open(200, ViewPageServer.fixture("patient-empty.json"), "#empty");
        assertTrue(driver.findElement(By.id("empty")).getText().contains("No alliance or symptom measures yet. "
                + "Ask the patient to complete the SRS (or WAI-SR) each session"));
        assertEquals(0, count("svg[role='img']"));
        assertEquals("No card fires now for this patient.",
                driver.findElement(By.cssSelector("#cards .empty")).getText());
    }

    @Test
    void dataThatCouldNotBeReadIsNamedAndTheRestShown() {
        ObjectNode partial = ViewPageServer.fixture("patient-trajectory.json");
        partial.putArray("unreadable").addObject().put("resourceType", "EpisodeOfCare")
                .put("reason", "the FHIR server refused this read (403)");
        open(200, partial, "#unreadable");
        assertTrue(driver.findElement(By.id("unreadable")).getText()
                .contains("EpisodeOfCare: the FHIR server refused this read (403)"));
        assertEquals(4, count("svg[role='img']"));
    }

    @Test
    void withoutALaunchTheViewSaysWhereToOpenItAndDoesNotAskAgain() throws InterruptedException {
        open(401, Map.of("problem", "no-session"), ".state--no-session");
        assertEquals("Open this view from the patient's chart in your EHR.",
                driver.findElement(By.id("state-heading")).getText());
        assertEquals(0, count("#retry"));
        Thread.sleep(1500);
        assertEquals(1, server.calls(), "no loop");
        assertEquals(server.pageUrl(), driver.getCurrentUrl(), "no redirect");
    }

    @Test
    void anExpiredSessionSaysToReopenTheViewAndDoesNotRetry() throws InterruptedException {
        open(401, Map.of("problem", "expired", "message", "The EHR refused the token."), ".state--expired");
        assertEquals("Your session with the EHR has expired — reopen the view from the chart.",
                driver.findElement(By.id("state-heading")).getText());
        assertTrue(driver.findElement(By.cssSelector(".state")).getText().contains("The EHR refused the token."));
        assertEquals(0, count("#retry"));
        Thread.sleep(1500);
        assertEquals(1, server.calls(), "no loop");
    }

    @Test
    void aServerErrorOffersARetryThatLoadsTheData() {
        open(503, "{\"message\":\"not ready\"}", "#retry");
        assertTrue(driver.findElement(By.cssSelector(".state--error")).getText().contains("HTTP 503"));
        server.answer(200, ViewPageServer.fixture("patient-trajectory.json"));
        driver.findElement(By.id("retry")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("symptoms")));
        assertEquals(1, server.calls());
    }

    @Test
    void textFromTheServerStaysText() {
        ObjectNode hostile = ViewPageServer.fixture("patient-trajectory.json");
        hostile.with("patient").put("name", "<img src=x onerror=\"window.injected=1\">");
        ((ObjectNode) hostile.withArray("cards").get(0)).put("summary", "<img src=x onerror=\"window.injected=2\">")
                .put("detail", "<img src=x onerror=\"window.injected=3\"> **bold**");
        open(200, hostile, "#symptoms");
        assertEquals(0, count("img"));
        assertNull(js("return window.injected"));
        assertEquals("<img src=x onerror=\"window.injected=1\">",
                driver.findElement(By.cssSelector(".patient-name")).getText());
        assertFalse(driver.findElement(By.cssSelector("#cards .card-detail")).getText().contains("**"));
    }
}
