package org.alliancecds.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;

/** What a person does on the console page, in the browser: the steps the tests share. */
final class ConsolePage {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;

    ConsolePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Opens the console with nothing remembered, at its sign-in form. */
    void openSignedOut(URI root) {
        driver.get(root.resolve("console/").toString());
        script("sessionStorage.clear()");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    void signIn(String token) {
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
    }

    /** Picks a scenario case, loads it into the request box and runs it. */
    void runCase(String file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scenario option[value='" + file + "']")));
        new Select(driver.findElement(By.id("scenario"))).selectByValue(file);
        driver.findElement(By.id("load-case")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-result"), "Loaded " + file));
        driver.findElement(By.id("run")).click();
        awaitResult();
    }

    /** Puts a request or case into the request box as if pasted, and runs it. */
    void runPasted(String json) {
        WebElement request = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request")));
        script("arguments[0].value = arguments[1]", request, json);
        driver.findElement(By.id("run")).click();
        awaitResult();
    }

    WebElement await(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /** Waits until the element shows exactly this text, as it does once the page has read its data again. */
    void awaitText(String cssSelector, String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector(cssSelector), text));
    }

    /** Waits, as long as {@code patience}, until the element's text contains this text. */
    void awaitContaining(String cssSelector, String text, Duration patience) {
        new WebDriverWait(driver, patience).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(cssSelector), text));
    }

    /** Waits until the element's attribute has this value, as a section's aria-busy once it has read its data. */
    void awaitAttribute(String cssSelector, String attribute, String value) {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(cssSelector), attribute, value));
    }

    void scrollTo(String id) {
        script("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void awaitResult() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#try-result .verdict")));
    }
}
