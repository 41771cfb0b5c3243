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
}
