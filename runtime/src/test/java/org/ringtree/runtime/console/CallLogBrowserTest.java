package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringtree.runtime.support.Browsers;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator finds a call just placed through signed Twilio webhooks in the call log by its
 * caller's number, opens it, and reads its routing trace, timeline and ledger. Screenshots:
 * call-log.png and call-detail.png (copied into docs/screenshots).
 */
class CallLogBrowserTest extends RunningPlatformTest {

  static ChromeDriver browser;
  static WebDriverWait wait;

  @DynamicPropertySource
  static void console(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void operatorFindsAPlacedCallByItsCallerAndOpensItsTrace() {
    try {
      findAndOpen();
    } catch (RuntimeException | AssertionError e) {
      Browsers.shot(browser, "call-log-failure");
      throw e;
    }
  }

  private void findAndOpen() {
    String caller = "+1310555" + String.format("%04d", (int) (System.nanoTime() % 10_000));
    CallTranscript call =
        driver()
            .place(
                CallScript.demo()
                    .withCaller(caller, "CA", "90210")
                    .withLegs(List.of(CallScript.Leg.ANSWER)));
    // another call from someone else, which the caller filter must leave out
    driver().place(CallScript.demo().withCaller("+13105550999", "NY", "10001"));

    Browsers.signIn(browser, baseUrl, "operator", "ringtree-operator-demo");
    browser.get(baseUrl + "/calls");
    new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("call-log")));
    wait.until(d -> !cells("call-log").isEmpty());

    WebElement callerField = browser.findElement(By.cssSelector("#filter-caller input"));
    callerField.sendKeys(caller, Keys.ENTER);
    wait.until(
        d -> {
          List<String> texts = cells("call-log").stream().map(WebElement::getText).toList();
          return texts.contains(caller) && !texts.contains("+13105550999");
        });
    Browsers.shot(browser, "call-log");

    // the download exports the filtered set, through the signed-in session
    String href = browser.findElement(By.id("csv-download")).getAttribute("href");
    String csv =
        (String)
            browser.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
    assertThat(csv).startsWith(org.ringtree.runtime.call.CallLogCsv.HEADER);
    assertThat(csv.lines().skip(1).toList())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith(call.callSid() + ",").contains("'" + caller));

    cells("call-log").stream()
        .filter(c -> c.getText().equals(caller))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.urlContains("/calls/" + call.callSid()));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-trace")));
    wait.until(d -> !cells("call-trace").isEmpty());
    assertThat(browser.findElement(By.cssSelector("#call-facts [data-fact='Caller']")).getText())
        .isEqualTo(caller);
    List<String> trace = cells("call-trace").stream().map(WebElement::getText).toList();
    assertThat(trace).contains("WINNER");
    assertThat(cells("call-timeline").stream().map(WebElement::getText).toList())
        .anyMatch(t -> t.contains("Digits=1"));
    assertThat(cells("call-auction").stream().map(WebElement::getText).toList())
        .contains("bidder-one-rtb", "ACCEPTED");
    assertThat(cells("call-dials")).isNotEmpty();
    assertThat(browser.findElement(By.id("call-recording")).getText())
        .contains("No recording for this call.");
    Browsers.shot(browser, "call-detail");
  }

  private static List<WebElement> cells(String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"));
  }
}
