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
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One click from a card in the test EHR to the chart, in Debian's Chromium: the EHR's card page shows the smart link
 * of a NOT-ON-TRACK card; the browser goes through the launch, the EHR's authorization server and the callback on
 * its own, and the view renders the seeded patient's trajectory opened on that card. The link's URL is the service's
 * public base URL, which this browser cannot reach, so the card page is given the same launch URL on the address the
 * deployment listens at (what an EHR registers; the view's redirect URI is a path on it).
 */
@ExtendWith(ArquillianExtension.class)
class ClinicianViewBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PATIENT = "view-browser-p1";

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
    void oneClickFromTheCardsLinkOpensTheTrajectoryOnThatCard() {
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().cardPageUrl(root + "/view/launch", "Open the alliance and symptom trajectory",
                PATIENT, "{\"rule\":\"NOT-ON-TRACK\"}"));
        driver.findElement(By.id("smart-link")).click();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cards article")));
        assertEquals(root + "/view/", driver.getCurrentUrl());
        WebElement card = driver.findElement(By.cssSelector("#cards article"));
        assertEquals("NOT-ON-TRACK", card.getDomAttribute("data-rule"));
        assertTrue(card.getText().contains("You opened the view from this card."), card::getText);
        assertTrue(card.findElement(By.cssSelector(".card-why")).getText().contains("PHQ-9 total 24"),
                card::getText);
        assertEquals(1, ehr.smart().tokenRequests().size());
        browser.screenshot(Path.of("target/clinician-view-launched.png"));
    }

    /**
     * Most EHRs show an app in an iframe of their own page, on another site than the app: launch, sign-in callback
     * and the page's data requests then run in a third-party frame, which keeps the view's session cookie only
     * because it is {@code SameSite=None; Secure; Partitioned}. The EHR's page is on {@code localhost}, the view on
     * 127.0.0.1: two sites to the browser.
     */
    @Test
    void framedByAnEhrOnAnotherSiteTheViewLaunchesAndRenders() {
        WebDriver driver = browser.driver();
        driver.get(ehr.smart().framePageUrl(ehrOnAnotherSite(), root + "/view/launch", PATIENT,
                "{\"rule\":\"NOT-ON-TRACK\"}"));
        driver.switchTo().frame("app");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cards article")));
        assertEquals("NOT-ON-TRACK", driver.findElement(By.cssSelector("#cards article")).getDomAttribute("data-rule"));
        assertEquals(1, ehr.smart().tokenRequests().size());
        driver.switchTo().defaultContent();
        browser.screenshot(Path.of("target/clinician-view-framed.png"));
    }

    /**
     * A negative control: the same framed launch whose session cookie lost {@code SameSite=None} (a browser then takes
     * it as {@code Lax}) is not kept in the EHR's frame; the callback finds no launch and says so in the frame, and no
     * token is asked for.
     */
    @Test
    void framedByAnotherSiteALaxSessionCookieIsLostAndTheLaunchStops() throws IOException {
        assertTheFramedLaunchStopsWithoutTheCookieAttribute("SameSite=None");
    }

    /**
     * A negative control: without {@code Partitioned}, the {@code SameSite=None} cookie is a third-party cookie,
     * which this Chromium blocks as browsers increasingly do; the launch stops as above.
     */
    @Test
    void framedByAnotherSiteAnUnpartitionedSessionCookieIsLostAndTheLaunchStops() throws IOException {
        assertTheFramedLaunchStopsWithoutTheCookieAttribute("Partitioned");
    }

    private void assertTheFramedLaunchStopsWithoutTheCookieAttribute(String attribute) throws IOException {
        try (CookieStrippingProxy proxy = new CookieStrippingProxy(URI.create(root + "/"), List.of(attribute))) {
            WebDriver driver = browser.driver();
            driver.get(ehr.smart().framePageUrl(ehrOnAnotherSite(), proxy.root() + "/view/launch", PATIENT, null));
            driver.switchTo().frame("app");
            WebElement problem = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("problem")));
            assertEquals("no-launch", problem.getDomAttribute("data-problem"));
            assertEquals(List.of(), ehr.smart().tokenRequests());
            driver.switchTo().defaultContent();
        }
    }

    /** The test EHR's root under {@code localhost}: another site than the view's 127.0.0.1. */
    private static String ehrOnAnotherSite() {
        URI fhir = URI.create(ehr.baseUrl());
        return "http://localhost:" + fhir.getPort();
    }
}
