package org.alliancecds.it;

import org.alliancecds.testing.FhirTestServer;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinician view's other launches and stops in Debian's Chromium, each through the test EHR's real authorization
 * server and each asserting what the clinician sees: a standalone launch's overview, the empty state of a patient
 * with nothing measured, the expired message after the token's end (with no loop back to the EHR), and the problem
 * page of a callback whose state was changed and of an authorization request without its PKCE challenge. The
 * screenshots are kept in target/ for a person to look at. {@link ClinicianViewBrowserIT} has the launch from a card.
 */
@ExtendWith(ArquillianExtension.class)
class ClinicianViewBrowserStatesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for the page to render on a busy machine before it ends. */
    private static final Duration LIFETIME = Duration.ofSeconds(10);
    private static final String PATIENT = "view-states-p1";
    private static final String EMPTY_PATIENT = "view-states-empty";

    private static FhirTestServer ehr;
    private static Browser browser;

    @ArquillianResource
    private URL deployment;

    private String root;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeAll
    static void start() throws IOException {
        ehr = FhirTestServer.startAt(ItFhirPort.allowed());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            browser.close();
        } finally {
            ehr.close();
        }
    }

    @BeforeEach
    void reset() {
        root = new CdsClient(deployment).root().toString().replaceAll("/$", "");
        ehr.healthy().clear().resetRequests();
        ehr.smart().reset().registerClient("alliance-cds-view", root + "/view/callback", null);
        ClinicianViewLaunchIT.seed(ehr, PATIENT, LocalDate.now());
    }

    @Test
    void aStandaloneLaunchOpensTheSeededPatientsOverview() {
        ehr.smart().standalonePatient(PATIENT);
        WebDriver driver = browser.driver();
        driver.get(root + "/view/launch?iss=" + ehr.baseUrl());
        waitFor(By.id("alliance"));
        assertEquals(root + "/view/", driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("patient")).getText().contains("Patient id " + PATIENT),
                driver.findElement(By.id("patient"))::getText);
        assertTrue(driver.findElement(By.cssSelector("#chart-alliance desc")).getAttribute("textContent")
                .contains("3 rating(s)"));
        // the overview: no card marked as the one the clinician came from, the alliance before the symptoms
        assertEquals(List.of(), driver.findElements(By.cssSelector(
                ".card--focused, .opened-from, .focus-tag, .area--focused")));
        assertEquals(List.of("alliance", "symptoms"), driver.findElements(By.cssSelector("section.area")).stream()
                .map(section -> section.getDomAttribute("id")).toList());
        assertFalse(driver.findElements(By.cssSelector("#cards article")).isEmpty());
        assertTrue(ehr.smart().authorizeRequests().get(0).contains("launch%2Fpatient"),
                ehr.smart().authorizeRequests()::toString);
        browser.screenshot(Path.of("target/clinician-view-standalone.png"));
    }

    @Test
    void aPatientWithNothingMeasuredSeesWhatToMeasure() {
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().cardPageUrl(root + "/view/launch", "Open", EMPTY_PATIENT, null));
        driver.findElement(By.id("smart-link")).click();
        WebElement empty = waitFor(By.id("empty"));
        assertEquals("Nothing measured yet", empty.findElement(By.id("empty-heading")).getText());
        assertTrue(empty.getText().contains("Ask the patient to complete the SRS (or WAI-SR) each session and the "
                + "PHQ-9/GAD-7 at intake and every session"), empty::getText);
        assertTrue(driver.findElement(By.id("patient")).getText().contains("Patient id " + EMPTY_PATIENT));
        assertEquals(List.of(), driver.findElements(By.cssSelector("section.area")), "no charts");
        assertEquals(1, ehr.smart().tokenRequests().size());
        browser.screenshot(Path.of("target/clinician-view-empty.png"));
    }

    /**
     * The token ends ({@code expires_in}) while the page is open; reloaded, the page says so and stays: no request
     * of its own to the EHR's authorization server, no redirect, however long it is left.
     */
    @Test
    void afterTheTokensEndAReloadSaysExpiredAndGoesNowhere() throws InterruptedException {
        ehr.smart().tokenLifetime(LIFETIME);
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().cardPageUrl(root + "/view/launch", "Open", PATIENT, "{\"rule\":\"NOT-ON-TRACK\"}"));
        driver.findElement(By.id("smart-link")).click();
        waitFor(By.cssSelector("#cards article"));
        // the token was issued before the page rendered, so it has ended by then
        Thread.sleep(LIFETIME.plusMillis(500).toMillis());
        int authorizations = ehr.smart().authorizeRequests().size();
        int tokens = ehr.smart().tokenRequests().size();
        driver.navigate().refresh();
        WebElement state = waitFor(By.cssSelector(".state--expired"));
        assertEquals("Your session with the EHR has expired — reopen the view from the chart.",
                state.findElement(By.id("state-heading")).getText());
        assertEquals(List.of(), driver.findElements(By.cssSelector("#cards, section.area")), "no stale data");
        Thread.sleep(3000);
        assertEquals(root + "/view/", driver.getCurrentUrl());
        assertEquals(authorizations, ehr.smart().authorizeRequests().size());
        assertEquals(tokens, ehr.smart().tokenRequests().size());
        assertEquals(1, driver.findElements(By.cssSelector(".state--expired")).size());
        browser.screenshot(Path.of("target/clinician-view-expired.png"));
    }

    /**
     * The browser stops at the EHR's consent page; the way back it offers, with the state changed, is refused by the
     * view before any token request, and the page says why.
     */
    @Test
    void aCallbackWithAnotherStateIsARefusedLaunchPage() {
        ehr.smart().consentPage(true);
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().cardPageUrl(root + "/view/launch", "Open", PATIENT, null));
        driver.findElement(By.id("smart-link")).click();
        String back = waitFor(By.id("approve")).getDomAttribute("href");
        assertTrue(back.startsWith(root + "/view/callback?code="), back);
        driver.get(back.replace("state=", "state=forged"));
        WebElement problem = waitFor(By.id("problem"));
        assertEquals("state-mismatch", problem.getDomAttribute("data-problem"));
        assertTrue(problem.getText().contains("does not belong to the launch of this browser session"),
                problem::getText);
        assertEquals("The view could not open", driver.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(), ehr.smart().tokenRequests());
        browser.screenshot(Path.of("target/clinician-view-state-refused.png"));
    }

    /**
     * The EHR's authorization server refuses a request without a PKCE challenge ({@code invalid_request}, sent back
     * with the launch's state); the view shows that refusal and asks for no token. The browser stops at the consent
     * page, then opens the same authorization request with the challenge taken out.
     */
    @Test
    void anAuthorizationRequestWithoutItsPkceChallengeIsARefusedLaunchPage() {
        ehr.smart().consentPage(true);
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().cardPageUrl(root + "/view/launch", "Open", PATIENT, null));
        driver.findElement(By.id("smart-link")).click();
        waitFor(By.id("approve"));
        String authorization = driver.getCurrentUrl();
        assertTrue(authorization.contains("code_challenge="), authorization);
        String withoutChallenge = authorization.replaceAll("(?<=[?&])code_challenge(_method)?=[^&]*&?", "");
        assertFalse(withoutChallenge.contains("code_challenge"), withoutChallenge);
        driver.get(withoutChallenge);
        WebElement problem = waitFor(By.id("problem"));
        assertEquals("authorization-refused", problem.getDomAttribute("data-problem"));
        assertTrue(problem.getText().contains("The EHR did not authorise the view (invalid_request"),
                problem::getText);
        assertEquals(List.of(), ehr.smart().tokenRequests());
        browser.screenshot(Path.of("target/clinician-view-pkce-refused.png"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
