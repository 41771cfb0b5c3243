package org.alliancecds.it;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser against the running service: sign in with the admin token, read the catalogue,
 * run a scenario case and see its cards, fired rules and chart as an informaticist would; and the admin API's
 * protection over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCENARIOS = Path.of("rules/scenarios");
    private static final String SUICIDE_CASE = "SUICIDE-RISK-ITEM/in-item9-at-1.json";

    private static Browser browser;

    @ArquillianResource
    private URL deployment;

    private CdsClient client;
    private WebDriver driver;
    private WebDriverWait wait;

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
        driver = browser.driver();
        wait = new WebDriverWait(driver, WAIT);
        driver.get(client.root().resolve("console/").toString());
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    @Test
    void theAdminApiAnswersOnlyWithTheToken() {
        CdsClient admin = client.authorized("Bearer " + Deployments.ADMIN_TOKEN);
        CdsClient wrong = client.authorized("Bearer " + Deployments.ADMIN_TOKEN + "x");
        for (String path : List.of("admin/rule-base", "admin/catalogue", "admin/scenarios",
                "admin/scenarios/" + SUICIDE_CASE)) {
            assertEquals(401, client.get(path).status(), path);
            assertEquals(401, wrong.get(path).status(), path);
            assertEquals(200, admin.get(path).status(), path);
        }
        String body = read(SUICIDE_CASE);
        assertEquals(401, client.post("admin/try", body, CdsClient.JSON).status());
        Reply tried = admin.post("admin/try", body, CdsClient.JSON);
        assertEquals(200, tried.status(), tried::toString);
        assertTrue(tried.json().path("passed").asBoolean(), tried::toString);
        assertEquals(17, admin.get("admin/catalogue").json().path("rules").size());
        Reply page = client.get("console/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertEquals(200, client.get("cds-services").status(), "the EHRs' API is not the admin API");
    }

    @Test
    void aWrongTokenIsRefusedAndTheConsoleStaysClosed() {
        signIn("not-the-token");
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#sign-in-status .message--error")));
        assertTrue(message.getText().contains("refused"), message.getText());
        assertTrue(!driver.findElement(By.id("content")).isDisplayed(), "the console stays closed");
    }

    @Test
    void anInformaticistRunsAScenarioCaseAndSeesItsCardRulesAndChart() {
        signIn(Deployments.ADMIN_TOKEN);
        List<WebElement> rules = wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#catalogue-table tbody tr"), 17));
        WebElement suicideRule = driver.findElement(
                By.cssSelector("#catalogue-table tr[data-rule='SUICIDE-RISK-ITEM']"));
        assertTrue(suicideRule.getText().contains("Item 9 of the PHQ-9 asks about thoughts"), suicideRule.getText());
        assertEquals("Critical", suicideRule.findElement(By.cssSelector(".indicator--critical")).getText());
        assertTrue(suicideRule.getText().matches("(?s).*phq9\\.item9\\.positive = 1 .*reviewed \\d{4}-\\d{2}-\\d{2}.*"),
                suicideRule.getText());
        assertEquals(17, rules.size());
        String version = client.authorized("Bearer " + Deployments.ADMIN_TOKEN).get("admin/rule-base").json()
                .path("version").asText();
        assertEquals(version, driver.findElement(By.id("rule-base-version")).getText());

        runCase(SUICIDE_CASE);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#cards article.card--critical")));
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
        scrollTo("try-result");
        browser.screenshot(Path.of("target/console-screenshot.png"));
    }

    @Test
    void theChartDrawsTheAllianceTrajectoryAndSymptoms() {
        signIn(Deployments.ADMIN_TOKEN);
        runCase("NOT-ON-TRACK/in-phq9-down-4-alliance-low.json");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cards article.card--warning")));
        assertEquals(4, driver.findElements(By.cssSelector("#chart-alliance circle")).size(), "four SRS ratings");
        assertEquals(1, driver.findElements(By.cssSelector("#chart-alliance polyline")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#chart-symptoms circle")).size(), "two PHQ-9 totals");
        assertTrue(driver.findElement(By.cssSelector("#chart .legend")).getText().contains("SRS total (patient)"));
        assertTrue(driver.findElement(By.cssSelector("#chart-alliance .cut")).getText().contains("srs.total.low"));
        scrollTo("fired");
        browser.screenshot(Path.of("target/console-chart.png"));
        browser.fullPageScreenshot(Path.of("target/console-page.png"));
    }

    @Test
    void patientDerivedTextInACardStaysText() throws IOException {
        signIn(Deployments.ADMIN_TOKEN);
        ObjectNode scenario = (ObjectNode) Reply.MAPPER.readTree(read(SUICIDE_CASE));
        String hostile = "<img src=x onerror=\"window.injected=1\">";
        ((ObjectNode) scenario.at("/request/prefetch/responses/entry/0/resource")).put("id", hostile);
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", request, scenario.toString());
        driver.findElement(By.id("run")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#cards article.card--critical")));
        assertTrue(card.getText().contains("QuestionnaireResponse/" + hostile), card.getText());
        assertEquals(0, driver.findElements(By.cssSelector("#try-result img")).size());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.injected"));
    }

    private void signIn(String token) {
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
    }

    private void runCase(String file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scenario option[value='" + file + "']")));
        new Select(driver.findElement(By.id("scenario"))).selectByValue(file);
        driver.findElement(By.id("load-case")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-result"), "Loaded " + file));
        driver.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#try-result .verdict")));
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private static String read(String scenarioFile) {
        try {
            return Files.readString(SCENARIOS.resolve(scenarioFile));
        } catch (IOException e) {
            throw new AssertionError(scenarioFile + " cannot be read", e);
        }
    }
}
